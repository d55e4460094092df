/**
 * Live delivery of in-app notifications to open pages, as server-sent events
 * (GET /api/notifications/stream, same origin: the SPA's `connect-src 'self'` allows it).
 *
 * A notification is committed by whichever process ran its job; that transaction also sends
 * `pg_notify('sipedaki_notifications', …)`, which PostgreSQL delivers to every API process that
 * LISTENs, at commit. The process that ran the job also publishes it directly (the embedded PGlite
 * does not carry a NOTIFY to another connection). A page may thus be told twice: each stream
 * forwards a notification id once.
 */
import pg from 'pg';
import { logger } from '../common/logger';

export const LIVE_CHANNEL = 'sipedaki_notifications';

export interface LiveMessage {
  userId: string;
  id: string;
  /** The notification as the API shows it (both languages), and the user's unread count then. */
  notification?: unknown;
  unreadCount?: number;
}

type Listener = (m: LiveMessage) => void;

export class LiveHub {
  private readonly byUser = new Map<string, Set<Listener>>();
  private client: pg.Client | undefined;
  private stopping = false;

  subscribe(userId: string, listener: Listener): () => void {
    const set = this.byUser.get(userId) ?? new Set();
    set.add(listener);
    this.byUser.set(userId, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.byUser.delete(userId);
    };
  }

  get connections(): number {
    let n = 0;
    for (const s of this.byUser.values()) n += s.size;
    return n;
  }

  publish(m: LiveMessage): void {
    for (const l of this.byUser.get(m.userId) ?? []) {
      try {
        l(m);
      } catch (err) {
        logger.warn({ err }, 'live listener failed');
      }
    }
  }

  /** LISTEN on its own connection (real PostgreSQL); reconnects after a lost connection. */
  async listen(databaseUrl: string): Promise<void> {
    this.stopping = false;
    const connect = async () => {
      const c = new pg.Client({ connectionString: databaseUrl });
      c.on('notification', (n) => {
        if (n.channel !== LIVE_CHANNEL || !n.payload) return;
        try {
          this.publish(JSON.parse(n.payload) as LiveMessage);
        } catch {
          // not ours
        }
      });
      c.on('error', (err) => {
        logger.warn({ err }, 'live LISTEN connection lost');
        this.client = undefined;
        if (!this.stopping) setTimeout(() => void connect().catch(() => undefined), 1000).unref();
      });
      await c.connect();
      await c.query(`LISTEN ${LIVE_CHANNEL}`);
      this.client = c;
    };
    await connect();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}
