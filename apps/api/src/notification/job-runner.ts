/**
 * The durable job runner: graphile-worker on the app's PostgreSQL (docs/decisions.md, "Jobs").
 *
 * - Jobs are enqueued with plain SQL (`<schema>.add_job(…)`) inside the Prisma transaction of the
 *   state change that causes them: they commit or roll back with it.
 * - graphile-worker runs each job once across processes (SELECT … FOR UPDATE SKIP LOCKED), wakes
 *   at once on LISTEN/NOTIFY (PostgreSQL) or polls (the embedded PGlite, where a NOTIFY does not
 *   reach another connection; `nudge()` after a commit makes up for it in this process), and
 *   retries a failed job with exponential backoff (e^attempt seconds, up to JOBS_MAX_ATTEMPTS).
 * - Scheduled jobs carry a job key: adding the key again moves the job (`replace`), removing the
 *   key drops it.
 * - A process that dies with a job locked: graphile-worker frees such a lock only after four
 *   hours. Every pool here writes a heartbeat row (JobWorker); a sweep in every process hands the
 *   jobs of a pool whose heartbeat is older than JOBS_STALE_MS back (force_unlock_workers), so
 *   they run again within about that time.
 *
 * Time: the worker uses Node's clock (useNodeTime), and every job is enqueued with an explicit
 * run_at computed by the app, so both sides of "is it due?" use the same clock; the tests inject
 * one.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import pg from 'pg';
import { run, runMigrations, type Runner, type TaskList, type WorkerPool } from 'graphile-worker';
import { logger } from '../common/logger';
import type { Db, Tx } from '../db/prisma';

export interface JobOptions {
  runAt: Date;
  /** Same key again replaces the job (moves its run_at, new payload); removeJob drops it. */
  jobKey?: string;
  maxAttempts?: number;
  priority?: number;
}

export interface JobRunnerConfig {
  databaseUrl: string | undefined;
  schema: string;
  poolMax: number;
  concurrency: number;
  pollMs: number;
  maxAttempts: number;
  heartbeatMs: number;
  staleMs: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The graphile-worker schema's tables and functions exist (installed by `pnpm db:migrate` and at start). */
export async function installJobSchema(databaseUrl: string, schema = 'graphile_worker'): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  pool.on('error', (err) => logger.warn({ err }, 'job schema pool error'));
  pool.on('connect', (c) => c.on('error', (err) => logger.warn({ err }, 'job schema connection error')));
  try {
    await runMigrations({ pgPool: pool, schema, logger: quietLogger() });
  } finally {
    await pool.end();
  }
}

function quietLogger() {
  // graphile-worker's own log lines go through pino at debug (errors at warn/error).
  const { Logger } = require('graphile-worker') as typeof import('graphile-worker');
  return new Logger(() => (level: string, message: string, meta?: unknown) => {
    const l = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    logger[l]({ meta, component: 'graphile-worker' }, message);
  });
}

export class JobRunner {
  private runner: Runner | undefined;
  private pool: pg.Pool | undefined;
  private workerPool: WorkerPool | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly tasks: TaskList = {};
  readonly schema: string;

  constructor(
    private readonly db: Db,
    private readonly config: JobRunnerConfig,
  ) {
    if (!SCHEMA_NAME.test(config.schema)) throw new Error(`JOBS_SCHEMA is not a plain schema name: ${config.schema}`);
    this.schema = config.schema;
  }

  /** Attempts of a job enqueued without its own (JOBS_MAX_ATTEMPTS). */
  get maxAttempts(): number {
    return this.config.maxAttempts;
  }

  get started(): boolean {
    return !!this.runner;
  }

  /** The pool id graphile-worker records in locked_by (null before start). */
  get workerId(): string | null {
    return this.workerPool?.id ?? null;
  }

  /** Registers a task before start(). A task throws to be retried with backoff. */
  define(name: string, handler: (payload: any, helpers: { attempts: number; maxAttempts: number; jobKey: string | null }) => Promise<unknown>): void {
    this.tasks[name] = async (payload, helpers) => {
      await handler(payload, { attempts: helpers.job.attempts, maxAttempts: helpers.job.max_attempts, jobKey: helpers.job.key });
    };
  }

  /** Inside the caller's transaction: the job exists once the transaction commits. */
  async addJob(tx: Tx | Db, task: string, payload: unknown, opts: JobOptions): Promise<void> {
    await tx.$executeRawUnsafe(
      `SELECT "${this.schema}".add_job(identifier => $1, payload => $2::json, run_at => $3::timestamptz, max_attempts => $4::int, job_key => $5, priority => $6::int)`,
      task,
      JSON.stringify(payload ?? {}),
      opts.runAt.toISOString(),
      opts.maxAttempts ?? this.config.maxAttempts,
      opts.jobKey ?? null,
      opts.priority ?? 0,
    );
  }

  /** Drops a scheduled job by its key (nothing when there is none). */
  async removeJob(tx: Tx | Db, jobKey: string): Promise<void> {
    await tx.$executeRawUnsafe(`SELECT "${this.schema}".remove_job($1)`, jobKey);
  }

  /** After a commit that added jobs: look now rather than at the next poll (matters on PGlite). */
  nudge(): void {
    try {
      if (this.workerPool && !this.workerPool._shuttingDown) this.workerPool.nudge(1);
    } catch {
      // a pool shutting down refuses to be nudged: nothing to do
    }
  }

  /** `crontab`: graphile-worker's crontab lines (each runs once per tick across all processes). */
  async start(crontab?: string): Promise<void> {
    if (this.runner) return;
    if (!this.config.databaseUrl) throw new Error('JobRunner: no database URL');
    this.pool = new pg.Pool({ connectionString: this.config.databaseUrl, max: this.config.poolMax });
    this.pool.on('error', (err) => logger.warn({ err }, 'job pool client error'));
    this.pool.on('connect', (client) => client.on('error', (err) => logger.warn({ err }, 'job pool connection error')));
    const events = new EventEmitter();
    events.on('pool:create', ({ workerPool }: { workerPool: WorkerPool }) => {
      this.workerPool = workerPool;
    });
    this.runner = await run({
      pgPool: this.pool,
      schema: this.schema,
      concurrency: this.config.concurrency,
      pollInterval: this.config.pollMs,
      noHandleSignals: true,
      useNodeTime: true,
      taskList: this.tasks,
      ...(crontab ? { crontab } : {}),
      events: events as never,
      logger: quietLogger(),
      // Jobs are fetched (and locked) a few at a time and completions are batched: fewer round
      // trips under load. A dead process's locked batch is handed back by rescue() like any lock.
      preset: { worker: { localQueue: { size: this.config.concurrency * 2 }, completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    });
    await this.beat();
    this.heartbeat = setInterval(() => void this.beat().then(() => this.rescue()).catch((err) => logger.warn({ err }, 'job heartbeat failed')), this.config.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Finishes the jobs in flight, then stops; the heartbeat row goes, so nobody waits for it. */
  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const id = this.workerId;
    await this.runner?.stop().catch((err) => logger.warn({ err }, 'job runner stop failed'));
    this.runner = undefined;
    if (id) await this.pool?.query('DELETE FROM "JobWorker" WHERE id = $1', [id]).catch(() => undefined);
    await this.pool?.end().catch(() => undefined);
    this.pool = undefined;
    this.workerPool = undefined;
  }

  private async beat(): Promise<void> {
    const id = this.workerId;
    if (!id || !this.pool) return;
    await this.pool.query(
      `INSERT INTO "JobWorker" (id, pid, host, "beatAt") VALUES ($1, $2, $3, now())
       ON CONFLICT (id) DO UPDATE SET "beatAt" = now()`,
      [id, process.pid, os.hostname()],
    );
  }

  /**
   * Hands back the jobs locked by pools that stopped beating (a killed process). Only locks older
   * than the staleness window count, so a pool that has just started and not yet beaten is safe.
   * Returns the pool ids unlocked.
   */
  async rescue(): Promise<string[]> {
    if (!this.pool) return [];
    const staleSeconds = this.config.staleMs / 1000;
    const { rows } = await this.pool.query<{ locked_by: string }>(
      `SELECT DISTINCT j.locked_by FROM "${this.schema}"._private_jobs j
        WHERE j.locked_by IS NOT NULL AND j.locked_at < now() - make_interval(secs => $1)
          AND NOT EXISTS (SELECT 1 FROM "JobWorker" w WHERE w.id = j.locked_by AND w."beatAt" > now() - make_interval(secs => $1))`,
      [staleSeconds],
    );
    const dead = rows.map((r) => r.locked_by);
    if (dead.length) {
      await this.pool.query(`SELECT "${this.schema}".force_unlock_workers($1::text[])`, [dead]);
      logger.warn({ workers: dead }, 'jobs of stopped workers handed back');
    }
    await this.pool.query(`DELETE FROM "JobWorker" WHERE "beatAt" < now() - make_interval(secs => $1 * 10)`, [staleSeconds]);
    return dead;
  }

  /**
   * For tests and scripts: waits until no job is due (run_at ≤ now by this process's clock) and
   * none is running, or until `timeoutMs`.
   */
  async drain(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.nudge();
      const n = await this.db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${this.schema}"._private_jobs WHERE locked_at IS NOT NULL OR (run_at <= $1::timestamptz AND attempts < max_attempts)`,
        new Date().toISOString(),
      );
      if (n[0]!.n === 0) return;
      if (Date.now() > deadline) throw new Error(`jobs still due or running after ${timeoutMs} ms: ${n[0]!.n}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
