/**
 * One log line per request: method, path (no query string), status, ms and a request id that the
 * client also gets as `x-request-id`. No headers (Authorization) and no bodies (passwords).
 *
 * Written here rather than with pino-http, which builds a child logger with the request bound
 * (redaction paths, serializers) for every request before it knows whether the line will be
 * written at all; on the Kasubbag's board that was a few percent of the API's CPU even at
 * LOG_LEVEL=warn. Same lines as before: `request completed`, `request aborted` (the client went
 * away first), `request errored` (status ≥ 500), at info / warn (4xx) / error (5xx and aborts
 * with an error).
 */
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { logger } from '../common/logger';

declare module 'node:http' {
  interface IncomingMessage {
    /** This request's id (`x-request-id`), set by requestLog. */
    id: string;
  }
}

const INCOMING_ID = /^[\w.-]{8,64}$/;

export function requestLog(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : crypto.randomUUID();
    req.id = id;
    res.setHeader('x-request-id', id);
    const start = Date.now();
    const done = (err?: Error) => {
      res.off('finish', done);
      res.off('close', done);
      res.off('error', done);
      const status = res.statusCode;
      const failed = !!err || status >= 500;
      const level = failed ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      const line: Record<string, unknown> = { req: { id, method: req.method, path: req.originalUrl.split('?')[0] }, res: { status }, ms: Date.now() - start };
      if (failed) {
        line.err = err ?? new Error(`failed with status code ${status}`);
        logger[level](line, 'request errored');
        return;
      }
      logger[level](line, !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted');
    };
    res.on('finish', done);
    res.on('close', done);
    res.on('error', done);
    next();
  };
}
