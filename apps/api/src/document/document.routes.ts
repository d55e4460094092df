/**
 * Documents over HTTP, behind the file routes' one `authed()` wrapper:
 * - upload: POST /api/documents?submissionId=…&kind=LHP (or requestId=…), multipart field "file".
 *   The target comes in the query string so permission is checked before a byte is stored.
 * - download: GET /api/documents/:id, the stored bytes with their SHA-256.
 */
import Busboy from 'busboy';
import express from 'express';
import { AppError, UPLOAD_FILE_MISSING } from '../common/errors';
import { logger } from '../common/logger';
import type { Config } from '../config';
import type { Authed } from '../http/authed';
import { assertMultipart } from '../http/multipart';
import { uuidOr404 } from '../http/params';
import type { Services } from '../services';

export function documentRoutes(services: Services, config: Config, authed: Authed): express.Router {
  const router = express.Router();

  router.post('/api/documents', authed(async (req, res, actor) => {
    const target = {
      submissionId: typeof req.query.submissionId === 'string' ? req.query.submissionId : undefined,
      requestId: typeof req.query.requestId === 'string' ? req.query.requestId : undefined,
      followUpActionId: typeof req.query.followUpActionId === 'string' ? req.query.followUpActionId : undefined,
      kind: String(req.query.kind ?? ''),
    };
    assertMultipart(req, config.MAX_UPLOAD_BYTES);
    const doc = await new Promise((resolve, reject) => {
      // One byte over the limit reaches the storage, which refuses it with the limit in its message.
      const bb = Busboy({ headers: req.headers, limits: { files: 1, fields: 5, fileSize: config.MAX_UPLOAD_BYTES + 1 } });
      let seen = false;
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || seen) {
          stream.resume();
          return;
        }
        seen = true;
        services.documents.upload(actor, target, info.filename ?? 'berkas', info.mimeType, stream).then(resolve, reject);
      });
      // busboy's own errors (a malformed part header, e.g. a NUL in the filename) are the client's.
      bb.on('error', () => reject(new AppError('BAD_REQUEST', { id: 'Unggahan multipart tidak dapat dibaca (bagian rusak).', en: 'The multipart upload cannot be read (a malformed part).' })));
      bb.on('close', () => {
        if (!seen) reject(new AppError('BAD_REQUEST', UPLOAD_FILE_MISSING));
      });
      req.pipe(bb);
    });
    res.status(201).json(doc);
  }));

  router.get('/api/documents/:id', authed(async (req, res, actor) => {
    const { doc, stream } = await services.documents.forDownload(actor, uuidOr404(String(req.params.id)));
    res.setHeader('Content-Type', doc.mimeType);
    res.setHeader('Content-Length', String(doc.size));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
    res.setHeader('X-Content-SHA256', doc.sha256);
    res.setHeader('ETag', `"${doc.sha256}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    stream.on('error', (err) => {
      logger.error({ err, requestId: String(req.id), documentId: doc.id }, 'stored file missing or unreadable');
      res.destroy();
    });
    stream.pipe(res);
  }));

  return router;
}
