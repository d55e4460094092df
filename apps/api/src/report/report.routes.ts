/**
 * HTTP routes for issued files: XLSX/PDF exports and the XLSX import (signed-in people, through
 * the file routes' one `authed()` wrapper), and the public verification page /verify/<code>
 * (HTML in Indonesian). Errors go to the app's error handler (http/errors.ts).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError, fieldProblem } from '../common/errors';
import type { Config } from '../config';
import type { Authed } from '../http/authed';
import { hashMultipartFile, readMultipart } from '../http/multipart';
import { optionalUuid, queryValue, uuidOr404 } from '../http/params';
import type { Services } from '../services';
import type { IssuedFile } from './report.service';
import { renderVerifyPage } from './verify-page';

export function reportRoutes(services: Services, config: Config, authed: Authed): express.Router {
  const router = express.Router();
  // The address printed in issued PDFs comes from the configuration only, never from the
  // request (a forged Host header would otherwise send readers of a genuine copy elsewhere).
  const baseUrl = config.publicBaseUrl;
  const q = queryValue;
  const id = (req: Request) => uuidOr404(String(req.params.id));

  const sendFile = (res: Response, f: IssuedFile) => {
    res.setHeader('Content-Type', f.mimeType);
    res.setHeader('Content-Length', String(f.bytes.length));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (f.documentId) res.setHeader('X-Document-Id', f.documentId);
    if (f.verificationCode) res.setHeader('X-Verification-Code', f.verificationCode);
    if (f.sha256) res.setHeader('X-Content-SHA256', f.sha256);
    res.end(f.bytes);
  };

  router.get('/api/requests/:id/format.xlsx', authed(async (req, res, actor) => {
    sendFile(res, await services.reports.formatXlsx(actor, id(req), optionalUuid(req.query.bidangId)));
  }));
  router.get('/api/requests/:id/format.pdf', authed(async (req, res, actor) => {
    sendFile(res, await services.reports.formatPdf(actor, id(req), optionalUuid(req.query.bidangId), baseUrl));
  }));
  router.get('/api/requests/:id/dataset.xlsx', authed(async (req, res, actor) => {
    sendFile(res, await services.reports.datasetXlsx(actor, id(req)));
  }));
  router.get('/api/requests/:id/recap.xlsx', authed(async (req, res, actor) => {
    sendFile(res, await services.reports.recapXlsx(actor, id(req)));
  }));
  router.get('/api/requests/:id/recap.pdf', authed(async (req, res, actor) => {
    sendFile(res, await services.reports.recapPdf(actor, id(req), baseUrl));
  }));
  router.get('/api/requests/:id/disposition.pdf', authed(async (req, res, actor) => {
    sendFile(res, await services.reports.dispositionPdf(actor, id(req), baseUrl));
  }));

  // Import: multipart field "file" (the filled format) and optional field "expectedVersion"
  // (also accepted in the query string); without it, the version written in the format applies.
  router.post('/api/submissions/:id/import.xlsx', authed(async (req, res, actor) => {
    const { file, fields } = await readMultipart(req, config.MAX_UPLOAD_BYTES);
    const raw = fields.expectedVersion ?? q(req.query.expectedVersion);
    const expectedVersion = raw === undefined ? null : Number(raw);
    if (expectedVersion !== null && !Number.isInteger(expectedVersion)) {
      throw new AppError('VALIDATION_FAILED', undefined, { fields: [fieldProblem('expectedVersion', { id: 'Harus bilangan bulat', en: 'Must be a whole number' })] });
    }
    const { submission, readings } = await services.reports.importXlsx(actor, id(req), file, expectedVersion);
    // `readings`: text cells read the Indonesian way that English would read differently ("1.250").
    res.json({ submission: { id: submission.id, status: submission.status, version: submission.version, values: submission.values }, readings });
  }));

  // Public: anyone holding a printed copy may check it. Shows the registered document and, with
  // ?sha256= or an uploaded copy, whether the copy is byte for byte the stored softcopy.
  const verifyPage = async (req: Request, res: Response, next: NextFunction, sha256: string | null) => {
    try {
      const result = await services.reports.verify(String(req.params.code), sha256);
      res.status(result.found ? 200 : 404);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'no-store');
      res.send(renderVerifyPage(result));
    } catch (err) {
      next(err);
    }
  };
  router.get('/verify/:code', (req, res, next) => {
    void verifyPage(req, res, next, q(req.query.sha256) ?? null);
  });
  // Anonymous uploads: the copy is hashed as it streams in and never held in memory.
  router.post('/verify/:code', async (req, res, next) => {
    try {
      const sha256 = await hashMultipartFile(req, config.MAX_UPLOAD_BYTES);
      await verifyPage(req, res, next, sha256);
    } catch (err) {
      if (!res.headersSent) res.setHeader('Connection', 'close');
      req.resume();
      next(err);
    }
  });

  return router;
}
