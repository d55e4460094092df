/**
 * The final report of an office for a reader of its pemda (issue 15): the issued recap of a DONE
 * request the pemda asked for, as stored (same bytes, same verification code).
 */
import express from 'express';
import { logger } from '../common/logger';
import type { Authed } from '../http/authed';
import { uuidOr404 } from '../http/params';
import type { Services } from '../services';

export function pemdaRequestRoutes(services: Services, authed: Authed): express.Router {
  const router = express.Router();
  router.get('/api/pemda/reports/:id', authed(async (req, res, actor) => {
    const doc = await services.pemdaRequests.reportDocument(actor, uuidOr404(String(req.params.id)));
    const stream = services.documents.storage.open(doc.storageKey);
    res.setHeader('Content-Type', doc.mimeType);
    res.setHeader('Content-Length', String(doc.size));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
    res.setHeader('X-Content-SHA256', doc.sha256);
    if (doc.verificationCode) res.setHeader('X-Document-Id', doc.id);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    stream.on('error', (err) => {
      logger.error({ err, documentId: doc.id }, 'stored report missing or unreadable');
      res.destroy();
    });
    stream.pipe(res);
  }));
  return router;
}
