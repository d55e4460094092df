/**
 * The LKjIP draft's files, through the file routes' `authed()`:
 * GET /api/lkjip/bab3.docx|bab3.pdf?year=2026[&version=3], GET /api/lkjip/budget.xlsx?year=2026,
 * POST /api/lkjip/budget.xlsx?year=2026&expectedVersion=3 (multipart field "file"; all or nothing).
 */
import express, { type Request, type Response } from 'express';
import { fail, fieldProblem } from '../common/errors';
import type { Config } from '../config';
import type { Authed } from '../http/authed';
import { readMultipart } from '../http/multipart';
import { queryValue } from '../http/params';
import type { Services } from '../services';
import type { IssuedFile } from '../report/report.service';
import { checkYear } from './lkjip.service';

/** A whole number from the query string, refused by the field's name when malformed. */
function intOf(req: Request, name: string, required: boolean): number | null {
  const raw = queryValue(req.query[name]);
  if (raw === undefined || raw === '') {
    if (required) fail('VALIDATION_FAILED', undefined, { fields: [fieldProblem(name, { id: 'Wajib diisi', en: 'Required' })] });
    return null;
  }
  if (!/^\d{1,6}$/.test(raw)) fail('VALIDATION_FAILED', undefined, { fields: [fieldProblem(name, { id: 'Harus bilangan bulat', en: 'Must be a whole number' })] });
  return Number(raw);
}
const yearOf = (req: Request) => checkYear(intOf(req, 'year', true)!);

function send(res: Response, f: IssuedFile) {
  res.setHeader('Content-Type', f.mimeType);
  res.setHeader('Content-Length', String(f.bytes.length));
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (f.documentId) res.setHeader('X-Document-Id', f.documentId);
  if (f.verificationCode) res.setHeader('X-Verification-Code', f.verificationCode);
  if (f.sha256) res.setHeader('X-Content-SHA256', f.sha256);
  res.end(f.bytes);
}

export function lkjipRoutes(services: Services, config: Config, authed: Authed): express.Router {
  const router = express.Router();
  router.get('/api/lkjip/bab3.docx', authed(async (req, res, actor) => {
    send(res, await services.lkjipPrint.docx(actor, yearOf(req), intOf(req, 'version', false)));
  }));
  router.get('/api/lkjip/bab3.pdf', authed(async (req, res, actor) => {
    send(res, await services.lkjipPrint.pdf(actor, yearOf(req), intOf(req, 'version', false), config.publicBaseUrl));
  }));
  router.get('/api/lkjip/budget.xlsx', authed(async (req, res, actor) => {
    send(res, await services.lkjipPrint.budgetXlsx(actor, yearOf(req)));
  }));
  router.post('/api/lkjip/budget.xlsx', authed(async (req, res, actor) => {
    const year = yearOf(req);
    const expectedVersion = intOf(req, 'expectedVersion', true)!;
    // The role is checked before the upload is read: a refused caller's file is never parsed.
    services.lkjip.assertEditor(actor);
    const { file } = await readMultipart(req, config.MAX_UPLOAD_BYTES);
    res.json(await services.lkjipPrint.importBudget(actor, year, expectedVersion, file));
  }));
  return router;
}
