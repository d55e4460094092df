import type { NextFunction, Request, Response } from 'express';
import { AppError, HTTP_STATUS } from '../common/errors';
import { logger } from '../common/logger';

/** Answers an error as JSON from the closed catalogue; anything else is logged and masked as INTERNAL_ERROR. */
export function sendError(res: Response, err: unknown, requestId: string): void {
  if (err instanceof AppError) {
    res.status(HTTP_STATUS[err.code] ?? 400).json(err.toJSON());
    return;
  }
  logger.error({ err, requestId }, 'unhandled error');
  const e = new AppError('INTERNAL_ERROR', undefined, { correlationId: requestId });
  res.status(500).json(e.toJSON());
}

/** The app's last handler: express's own body errors become ours, every other error is sendError's. */
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (res.headersSent) {
    // Too late for an answer (a download that failed midway): end the connection, keep the cause.
    logger.error({ err, requestId: String(req.id) }, 'error after the response started');
    res.destroy();
    return;
  }
  const status = (err as { status?: number }).status;
  if (status === 413) return sendError(res, new AppError('FILE_TOO_LARGE', { id: 'Permintaan terlalu besar.', en: 'The request body is too large.' }), String(req.id));
  if (status && status < 500) return sendError(res, new AppError('BAD_REQUEST'), String(req.id));
  sendError(res, err, String(req.id));
}
