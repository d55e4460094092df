import pino from 'pino';

/**
 * Where log lines go: stdout, unless a test swaps in its own stream (setLogDestination) to read
 * what the server logged, e.g. that a client's correlationId is in the log.
 */
let destination: { write(line: string): unknown } = pino.destination(1);

/**
 * Structured logger; no console.log on the request path. One instance for the process, made
 * before any configuration is read (modules import it at load time), at `info`; the typed config
 * sets its level as soon as it is loaded (configureLogger, from loadStartupConfig and the
 * composition root), so LOG_LEVEL in `.env` counts like LOG_LEVEL in the environment.
 */
export const logger = pino(
  {
    level: 'info',
    redact: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'token', '*.token'],
  },
  { write: (line: string) => destination.write(line) },
);
export type Logger = typeof logger;

/** Applies the configuration's log level (config.logLevel: LOG_LEVEL, or the default for NODE_ENV). */
export function configureLogger(config: { logLevel: string }) {
  logger.level = config.logLevel;
}

/** Tests: send log lines to `stream` (returns the previous destination to restore). */
export function setLogDestination(stream: { write(line: string): unknown }) {
  const previous = destination;
  destination = stream;
  return previous;
}
