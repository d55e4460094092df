/**
 * The kabupaten rollup's files: GET /api/rollup/kabupaten.xlsx and /api/rollup/kabupaten.pdf with
 * `?year=2026&triwulan=2&sortBy=CAPAIAN` (no triwulan: the whole year), through the file routes'
 * `authed()`; the service refuses everyone but the pemda roles.
 */
import express, { type Request, type Response } from 'express';
import type { Authed } from '../http/authed';
import { queryValue } from '../http/params';
import type { Services } from '../services';
import type { IssuedFile } from '../report/report.service';
import { checkMeasure, checkRollupPeriod } from './rollup.service';

/** The filters in the query string; a malformed number is refused naming its field. */
function filtersOf(req: Request) {
  const year = Number(queryValue(req.query.year) ?? NaN);
  const tw = queryValue(req.query.triwulan);
  return { period: checkRollupPeriod(year, tw === undefined ? null : Number(tw)), sortBy: checkMeasure(queryValue(req.query.sortBy)) };
}

export function rollupRoutes(services: Services, authed: Authed): express.Router {
  const router = express.Router();
  const send = (res: Response, f: IssuedFile) => {
    res.setHeader('Content-Type', f.mimeType);
    res.setHeader('Content-Length', String(f.bytes.length));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(f.bytes);
  };
  router.get('/api/rollup/kabupaten.xlsx', authed(async (req, res, actor) => {
    const { period, sortBy } = filtersOf(req);
    send(res, await services.rollupPrint.xlsx(actor, period, sortBy));
  }));
  router.get('/api/rollup/kabupaten.pdf', authed(async (req, res, actor) => {
    const { period, sortBy } = filtersOf(req);
    send(res, await services.rollupPrint.pdf(actor, period, sortBy));
  }));
  return router;
}
