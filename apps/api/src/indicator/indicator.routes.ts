/**
 * The Perjanjian Kinerja annex as a file: GET exports a year's annual targets, POST (multipart
 * field "file") imports them all-or-nothing. Both for the roles that manage targets.
 */
import express from 'express';
import { capabilityRoles, MAX_PERIOD_YEAR, MIN_PERIOD_YEAR } from '@sipedaki/sop';
import { fail, fieldProblem } from '../common/errors';
import type { Config } from '../config';
import type { Authed } from '../http/authed';
import { readMultipart } from '../http/multipart';
import { queryValue } from '../http/params';
import type { Actor } from '../auth/actor';
import type { Services } from '../services';

function yearOf(raw: unknown): number {
  const year = Number(queryValue(raw));
  if (!Number.isInteger(year) || year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) {
    fail('VALIDATION_FAILED', { id: 'Sebutkan tahun (year) 2000–2100.', en: 'Give the year (2000–2100).' }, { fields: [fieldProblem('year', { id: 'Tahun 2000–2100', en: 'A year from 2000 to 2100' })] });
  }
  return year;
}

function assertManager(actor: Actor) {
  if (!actor.roles.some((r) => capabilityRoles('office.INDICATORS').includes(r))) {
    fail('FORBIDDEN', { id: 'Target dikelola oleh Kasubbag, Penyusun atau administrator.', en: 'Targets are managed by the Kasubbag, the Penyusun or the administrator.' });
  }
}

export function indicatorRoutes(services: Services, config: Config, authed: Authed): express.Router {
  const router = express.Router();
  router.get('/api/targets/pk.xlsx', authed(async (req, res, actor) => {
    assertManager(actor);
    const f = await services.indicators.pkXlsx(actor, yearOf(req.query.year));
    res.setHeader('Content-Type', f.mimeType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(f.bytes);
  }));
  router.post('/api/targets/pk.xlsx', authed(async (req, res, actor) => {
    assertManager(actor);
    const year = yearOf(req.query.year);
    const { file } = await readMultipart(req, config.MAX_UPLOAD_BYTES);
    res.json(await services.indicators.importPk(actor, year, file));
  }));
  return router;
}
