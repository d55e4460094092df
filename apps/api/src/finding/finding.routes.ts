/**
 * Findings' files: the register as a TL monitoring matrix (XLSX), the import template, and the
 * import of a report's findings from an Excel sheet (multipart field "file"; all or nothing).
 */
import express, { type Request, type Response } from 'express';
import { isAuditSource, TL_STATUSES, type TlStatus } from '@sipedaki/sop';
import { AppError, fieldProblem } from '../common/errors';
import type { Config } from '../config';
import type { Authed } from '../http/authed';
import { readMultipart } from '../http/multipart';
import { optionalUuid, queryValue, uuidOr404 } from '../http/params';
import type { Services } from '../services';
import type { FindingFilter } from './finding.input';
import { buildImportTemplate } from './finding.xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function send(res: Response, f: { filename: string; bytes: Buffer; mimeType: string }) {
  res.setHeader('Content-Type', f.mimeType);
  res.setHeader('Content-Length', String(f.bytes.length));
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(f.bytes);
}

/** The register's filters from the query string, refused by name when malformed. */
function filterOf(req: Request): FindingFilter {
  const q = (k: string) => queryValue(req.query[k]);
  const bad = (field: string, id: string, en: string): never => {
    throw new AppError('VALIDATION_FAILED', undefined, { fields: [fieldProblem(field, { id, en })] });
  };
  const source = q('source');
  if (source !== undefined && !isAuditSource(source)) bad('source', 'Sumber: BPK, INSPEKTORAT, APIP_LAIN atau AKIP', 'Source: BPK, INSPEKTORAT, APIP_LAIN or AKIP');
  const status = q('status');
  if (status !== undefined && !(TL_STATUSES as readonly string[]).includes(status)) bad('status', 'Status tidak dikenal', 'Unknown status');
  const year = q('year');
  if (year !== undefined && !/^(20\d\d|2100)$/.test(year)) bad('year', 'Tahun 2000–2100', 'Year 2000–2100');
  return {
    bidangId: optionalUuid(req.query.bidangId) ?? null,
    reportId: optionalUuid(req.query.reportId) ?? null,
    source: (source as FindingFilter['source']) ?? null,
    status: (status as TlStatus | undefined) ?? null,
    year: year ? Number(year) : null,
    open: q('open') === 'true',
    overdue: q('overdue') === 'true',
  };
}

export function findingRoutes(services: Services, config: Config, authed: Authed): express.Router {
  const router = express.Router();
  router.get('/api/findings/register.xlsx', authed(async (req, res, actor) => {
    send(res, await services.findings.exportRegister(actor, filterOf(req)));
  }));
  router.get('/api/findings/import-template.xlsx', authed(async (_req, res) => {
    send(res, { filename: 'templat-impor-temuan.xlsx', bytes: await buildImportTemplate(), mimeType: XLSX });
  }));
  router.post('/api/findings/reports/:id/import.xlsx', authed(async (req, res, actor) => {
    const reportId = uuidOr404(String(req.params.id));
    const { file } = await readMultipart(req, config.MAX_UPLOAD_BYTES);
    res.json(await services.findings.importFindings(actor, reportId, file));
  }));
  return router;
}
