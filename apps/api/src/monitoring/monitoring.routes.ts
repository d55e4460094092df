/**
 * The SOP monitoring's files: GET /api/monitoring/sop.pdf and /api/monitoring/sop.xlsx, with
 * `?year=2026&semester=1` (no semester: the whole year), through the file routes' `authed()`.
 */
import express, { type Request, type Response } from 'express';
import type { Config } from '../config';
import type { Authed } from '../http/authed';
import { queryValue } from '../http/params';
import type { Services } from '../services';
import type { IssuedFile } from '../report/report.service';
import { checkPeriod } from './monitoring.service';

/** The period in the query string; a malformed number is refused by checkPeriod with the field's name. */
function periodOf(req: Request) {
  const year = Number(queryValue(req.query.year) ?? NaN);
  const s = queryValue(req.query.semester);
  return checkPeriod(year, s === undefined ? null : Number(s));
}

export function monitoringRoutes(services: Services, config: Config, authed: Authed): express.Router {
  const router = express.Router();
  const send = (res: Response, f: IssuedFile) => {
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
  router.get('/api/monitoring/sop.pdf', authed(async (req, res, actor) => {
    send(res, await services.monitoringPrint.pdf(actor, periodOf(req), config.publicBaseUrl));
  }));
  router.get('/api/monitoring/sop.xlsx', authed(async (req, res, actor) => {
    send(res, await services.monitoringPrint.xlsx(actor, periodOf(req)));
  }));
  return router;
}
