import pino from 'pino';

/** Structured logger; no console.log on the request path. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  redact: ['req.headers.authorization', 'password', '*.password', 'token'],
});
export type Logger = typeof logger;
