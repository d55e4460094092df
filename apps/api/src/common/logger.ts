import pino from 'pino';

/**
 * Where log lines go: stdout, unless a test swaps in its own stream (setLogDestination) to read
 * what the server logged, e.g. that a client's correlationId is in the log.
 */
let destination: { write(line: string): unknown } = pino.destination(1);

/** Structured logger; no console.log on the request path. */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    redact: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'token', '*.token'],
  },
  { write: (line: string) => destination.write(line) },
);
export type Logger = typeof logger;

/** Tests: send log lines to `stream` (returns the previous destination to restore). */
export function setLogDestination(stream: { write(line: string): unknown }) {
  const previous = destination;
  destination = stream;
  return previous;
}
