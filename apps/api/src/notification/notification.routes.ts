import type { Request, Response } from 'express';
import type { Actor } from '../auth/actor';
import type { Services } from '../services';

const HEARTBEAT_MS = 25_000;
/** Ids already sent on one stream (a notification may arrive both by NOTIFY and in-process). */
const REMEMBERED = 200;

/**
 * GET /api/notifications/stream: server-sent events for the signed-in person. The token comes in
 * the Authorization header (the SPA reads the stream with fetch, not EventSource, so no token
 * ever sits in a URL). Events: `ready` with the unread count, then `notification` with the
 * notification (both languages) and the new unread count; a comment line every 25 s keeps
 * proxies from closing an idle stream. Service tokens are refused (machine clients get no
 * notifications).
 */
export function notificationStream(services: Services, userActorOf: (req: Request) => Promise<Actor>, send: (res: Response, err: unknown, requestId: string) => void) {
  return async (req: Request, res: Response) => {
    let actor: Actor;
    try {
      actor = await userActorOf(req);
    } catch (err) {
      return send(res, err, String(req.id));
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // nginx: do not buffer the stream
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.flushHeaders();
    const write = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const sent: string[] = [];
    let closed = false;
    const unsubscribe = services.notifications.live.subscribe(actor.userId, (m) => {
      if (closed || sent.includes(m.id)) return;
      sent.push(m.id);
      if (sent.length > REMEMBERED) sent.shift();
      // The message carries the notification and the count; only a trimmed one is read back.
      if (m.notification && typeof m.unreadCount === 'number') {
        write('notification', { notification: m.notification, unreadCount: m.unreadCount });
        return;
      }
      void Promise.all([services.notifications.one(actor.userId, m.id), services.notifications.unreadCount(actor)]).then(
        ([n, unread]) => {
          if (n && !closed) write('notification', { notification: n, unreadCount: unread });
        },
        () => undefined,
      );
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    const close = () => {
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
    };
    req.on('close', close);
    res.on('error', close);
    res.write('retry: 3000\n\n');
    write('ready', { unreadCount: await services.notifications.unreadCount(actor) });
  };
}
