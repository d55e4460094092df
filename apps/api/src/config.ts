/**
 * The one typed configuration, read once at start-up from the environment (and an optional .env at
 * the repository root). Invalid values stop the process with a message naming the variable.
 * Every variable is documented in .env.example.
 */
import path from 'node:path';
import { z } from 'zod';
import { PASSWORD_PROBLEM_TEXT } from '@sipedaki/sop';
import { problemsOf } from './auth/password-policy';
import { configureLogger } from './common/logger';
import { parseAllowEntry } from './webhook/url-guard';

/** Express's named address ranges for `trust proxy`. */
const TRUST_PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY → Express's `trust proxy` setting. Off (false) unless configured: then the client
 * address is the socket's peer and an `X-Forwarded-For` header is ignored, so nobody can claim
 * another address (and a fresh login budget). A hop count ("1": the nearest proxy) or a comma list
 * of proxy addresses, CIDRs and Express's names `loopback`, `linklocal`, `uniquelocal`. `true`
 * (trust every hop, i.e. believe whatever the client wrote) is refused on purpose.
 */
export function parseTrustProxy(raw: string | undefined): false | number | string[] | { error: string } {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0' || v === 'off' || v === 'no') return false;
  if (/^\d+$/.test(v)) return Number(v) <= 10 ? Number(v) : { error: 'a hop count is 1–10' };
  if (v === 'true' || v === 'yes' || v === 'all') return { error: 'trusting every proxy lets any client choose its own address: give a hop count or the proxy addresses' };
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => {
    const parsed = parseAllowEntry(e);
    return !TRUST_PROXY_PRESETS.has(e) && !(parsed && 'cidr' in parsed);
  });
  return bad.length ? { error: `not an IP address, CIDR or one of loopback, linklocal, uniquelocal: ${bad.join(', ')}` } : entries;
}

const repoRoot = path.resolve(__dirname, '../../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Empty = embedded PostgreSQL (PGlite) in DATA_DIR/pglite: the zero-setup run. Secret. */
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default(path.join(repoRoot, '.data')),
  /**
   * Uploaded and issued documents (content-addressed, write-once). Default DATA_DIR/documents.
   * Several API processes behind a load balancer mount one shared volume here (docs/scaling.md §4).
   */
  DOCUMENTS_DIR: z.string().optional(),
  /** Session lifetime. */
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** Upload limit per file, in bytes. */
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Seed the demo office and its demo users (known passwords). Never on by default in production. */
  SEED_DEMO: bool.optional(),
  /**
   * With SEED_DEMO: replay half a year of finished requests in the demo office on its first start
   * (so the SOP monitoring shows something). Default on; the browser tests turn it off.
   */
  SEED_DEMO_HISTORY: bool.optional(),
  /** Password of the demo users; only used when SEED_DEMO is on. Secret. */
  DEMO_PASSWORD: z.string().min(8).default('sipedaki123'),
  /** Serve GraphQL introspection (and the schema landing page). Off in production by default. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  /** Default: info, silent when NODE_ENV=test (see `logLevel`). */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Login lockout: failed attempts before the account is locked for LOGIN_LOCK_MINUTES. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Failed login attempts per client IP per minute (sliding window, in memory), on top of the per-account lockout. */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),
  /** GraphQL operation limits: nesting depth, aliases, lexer tokens, directives (graphql-armor), static cost (common/query-cost.ts). */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().positive().default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().nonnegative().default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().positive().default(3000),
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().nonnegative().default(10),
  GRAPHQL_MAX_COST: z.coerce.number().int().positive().default(8000),
  /**
   * First start of a real office: when both are set and the username does not exist yet, an
   * office and its administrator are created; the password must pass the password policy and
   * is to be changed at first sign-in (the account is created with mustChangePassword). Secret.
   */
  BOOTSTRAP_ADMIN_USERNAME: z.string().regex(/^[a-z0-9._-]{3,40}$/).optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(10).optional(),
  BOOTSTRAP_OFFICE_CODE: z.string().default('DINAS'),
  BOOTSTRAP_OFFICE_NAME: z.string().default('Dinas'),
  BOOTSTRAP_OFFICE_REGENCY: z.string().default('Kabupaten'),
  /**
   * A kabupaten deployment: the bootstrap administrator is also the first PEMDA_ADMIN of the pemda
   * of BOOTSTRAP_OFFICE_REGENCY ("Pemerintah <regency>"), who then creates the pemda's other
   * offices and their administrators. Also granted to an existing bootstrap account, once, while
   * the pemda has no active pemda administrator (an upgrade of a one-office deployment).
   */
  BOOTSTRAP_PEMDA_ADMIN: bool.optional(),
  /** Analysis (step 6): |capaian − capaian of the compared period| above this many percentage points is flagged. */
  ANALYSIS_DEVIATION_PCT: z.coerce.number().min(0).max(1000).default(25),
  /**
   * Public address printed in the QR code of issued PDFs (<url>/verify/<code>). Required in
   * production; elsewhere the listening address http://HOST:PORT. Never taken from a request's
   * Host header (issue 9, item 7).
   */
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be an http:// or https:// URL')
    .refine((u) => !URL.canParse(u) || (!new URL(u).search && !new URL(u).hash), 'must not have a query string or fragment')
    .optional(),
  /** Longest lifetime of a service-account token (ApiToken), in days; every token must expire. */
  API_TOKEN_MAX_DAYS: z.coerce.number().int().positive().max(3650).default(365),
  /** Webhooks: attempts per event (the first one included), then the delivery is given up. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Webhooks: delay before the 2nd attempt; each further attempt waits twice as long. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(30_000),
  /** Webhooks: the timeout of one POST. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Webhooks: accept http:// endpoint URLs (otherwise only https://). Default: on outside production. */
  WEBHOOK_ALLOW_HTTP: bool.optional(),
  /**
   * Webhooks: comma list of host names (exact), IP addresses and CIDRs a webhook may reach although
   * they are not public (loopback, RFC 1918, link-local, CGNAT, unique-local …); everything else
   * non-public is refused at registration and at delivery. Empty = public addresses only.
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const entries = s.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
      for (const e of entries) {
        if (!parseAllowEntry(e)) ctx.addIssue({ code: 'custom', message: `not a host name, IP address or CIDR: ${e}` });
      }
      return entries;
    }),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (the client address decides the per-IP login
   * limit and is shown in sessions and the audit). Empty = none: the socket's peer is the client.
   * A hop count, or a comma list of addresses/CIDRs and loopback, linklocal, uniquelocal.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const parsed = parseTrustProxy(s);
      if (typeof parsed === 'object' && !Array.isArray(parsed)) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return false as const;
      }
      return parsed;
    }),
  /** Job runner (graphile-worker): its schema, jobs run at once per process, poll interval, connections. */
  JOBS_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).default('graphile_worker'),
  // Jobs run at once per process. Sending is latency-bound (SMTP round trips), not CPU-bound:
  // bench/notify.mjs at 200 events/s met its e-mail goal with 16, not with 8 (docs/decisions.md).
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(16),
  JOBS_POLL_MS: z.coerce.number().int().min(50).default(1_000),
  /** Connections of the job runner's own pool (default JOBS_CONCURRENCY + 2; 2 on the embedded database). */
  JOBS_POOL_MAX: z.coerce.number().int().min(2).max(50).optional(),
  /** Attempts of a failing job (backoff e^n seconds) before it is given up. */
  JOBS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(10),
  /** Heartbeat of each worker pool, and after how long without one its locked jobs are handed back. */
  JOBS_HEARTBEAT_MS: z.coerce.number().int().min(100).default(10_000),
  JOBS_STALE_MS: z.coerce.number().int().min(500).default(30_000),
  /** Reminders before a step's due time, as fractions of its standard (working time). */
  NOTIFY_REMINDER_FRACTIONS: z
    .string()
    .default('0.5,0.8')
    .transform((s, ctx) => {
      const values = s.split(',').map((x) => x.trim()).filter(Boolean).map(Number);
      if (values.some((v) => !(v > 0 && v < 1))) ctx.addIssue({ code: 'custom', message: 'each fraction must lie between 0 and 1 (e.g. 0.5,0.8)' });
      return values;
    }),
  /** E-mail over SMTP. Empty SMTP_HOST = no e-mail is sent (in-app only). */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** Implicit TLS (port 465). Otherwise STARTTLS, required unless SMTP_REQUIRE_TLS=false. */
  SMTP_SECURE: bool.default(false),
  SMTP_REQUIRE_TLS: bool.optional(),
  SMTP_USER: z.string().optional(),
  /** Secret. */
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('SIPEDAKI <noreply@localhost>'),
  SMTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * Connections kept open to the SMTP server, each carrying one message at a time: the e-mail
   * throughput (bench/notify.mjs: with 8, e-mail fell behind at 200 events a second; 16 kept up).
   */
  SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(50).default(16),
  /** WhatsApp and SMS through the office's HTTP gateway: URL, one auth header "Name: value" (secret), JSON body template. */
  WHATSAPP_GATEWAY_URL: z.string().url().optional(),
  WHATSAPP_GATEWAY_AUTH: z.string().optional(),
  WHATSAPP_GATEWAY_BODY: z.string().default('{"phone":"{{phone}}","message":"{{message}}"}'),
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_AUTH: z.string().optional(),
  SMS_GATEWAY_BODY: z.string().default('{"phone":"{{phone}}","message":"{{message}}"}'),
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Non-public hosts/IPs/CIDRs the gateways may reach (the webhooks' SSRF guard applies to them). */
  GATEWAY_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const entries = s.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
      for (const e of entries) {
        if (!parseAllowEntry(e)) ctx.addIssue({ code: 'custom', message: `not a host name, IP address or CIDR: ${e}` });
      }
      return entries;
    }),
  /** Directory of the built SPA to serve on the same port, if present. */
  WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
});

export type Config = z.infer<typeof schema> & {
  /** Where issued PDFs send their readers: PUBLIC_BASE_URL, else http://HOST:PORT; no trailing slash. */
  publicBaseUrl: string;
  /** DOCUMENTS_DIR, else DATA_DIR/documents. */
  documentsDir: string;
  seedDemo: boolean;
  introspection: boolean;
  embedded: boolean;
  webhookAllowHttp: boolean;
  /** STARTTLS required for SMTP: SMTP_REQUIRE_TLS, else on in production. */
  smtpRequireTls: boolean;
  /** The log level in force: LOG_LEVEL, else info (silent under NODE_ENV=test). */
  logLevel: NonNullable<z.infer<typeof schema>['LOG_LEVEL']>;
};

/**
 * `serving: false` is for the command-line tools that never serve a page or issue a PDF
 * (`db:migrate`, `db:seed`): they do not need the variables only a server needs.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { serving = true }: { serving?: boolean } = {}): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema
    .superRefine((c, ctx) => {
      if (c.BOOTSTRAP_PEMDA_ADMIN && !(c.BOOTSTRAP_ADMIN_USERNAME && c.BOOTSTRAP_ADMIN_PASSWORD)) {
        ctx.addIssue({ code: 'custom', path: ['BOOTSTRAP_PEMDA_ADMIN'], message: 'needs BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD (the account that becomes the pemda administrator)' });
      }
      if (!c.BOOTSTRAP_ADMIN_PASSWORD) return;
      const problems = problemsOf(c.BOOTSTRAP_ADMIN_PASSWORD, { username: c.BOOTSTRAP_ADMIN_USERNAME });
      if (problems.length) ctx.addIssue({ code: 'custom', path: ['BOOTSTRAP_ADMIN_PASSWORD'], message: `password policy: ${problems.map((p) => PASSWORD_PROBLEM_TEXT[p].en).join(' ')}` });
    })
    .safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Konfigurasi tidak valid / invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (serving && production && !c.PUBLIC_BASE_URL) {
    throw new Error(
      'Konfigurasi tidak valid / invalid configuration:\n  - PUBLIC_BASE_URL: wajib diisi di produksi / required in production ' +
        '(the public https:// address of this server, printed in the QR code of every issued PDF)',
    );
  }
  return {
    ...c,
    publicBaseUrl: (c.PUBLIC_BASE_URL ?? listeningAddress(c.HOST, c.PORT)).replace(/\/+$/, ''),
    documentsDir: path.resolve(c.DOCUMENTS_DIR ?? path.join(c.DATA_DIR, 'documents')),
    // Demo users have published passwords: only seeded outside production unless asked for.
    seedDemo: c.SEED_DEMO ?? !production,
    introspection: c.GRAPHQL_INTROSPECTION ?? !production,
    embedded: !c.DATABASE_URL,
    webhookAllowHttp: c.WEBHOOK_ALLOW_HTTP ?? !production,
    smtpRequireTls: c.SMTP_REQUIRE_TLS ?? production,
    logLevel: c.LOG_LEVEL ?? (c.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}

/** http://HOST:PORT as a browser can open it (a wildcard bind address is reached as localhost). */
function listeningAddress(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

/** Load the repository's .env (if any) without overriding the real environment. */
export function loadDotEnv(file = path.join(repoRoot, '.env')): void {
  try {
    process.loadEnvFile(file);
  } catch {
    // No .env: the environment and the defaults apply.
  }
}

/**
 * What every command does first: read `.env`, then the typed configuration, then apply what
 * follows from it at once (the log level), before anything is logged.
 */
export function loadStartupConfig(envFile?: string, opts: { serving?: boolean } = {}): Config {
  loadDotEnv(envFile);
  const config = loadConfig(process.env, opts);
  configureLogger(config);
  return config;
}
