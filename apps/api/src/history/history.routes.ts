/**
 * GET /api/audit.xlsx?actorId=&from=YYYY-MM-DD&until=YYYY-MM-DD&entityType=&text= — the audit
 * search as a workbook, for the administrator and the Sekretaris (the same filter as auditEvents).
 */
import { maySearchAuditTrail } from '@sipedaki/sop';
import express from 'express';
import { fail, fieldProblem } from '../common/errors';
import type { Authed } from '../http/authed';
import { optionalUuid, queryValue } from '../http/params';
import type { Services } from '../services';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function historyRoutes(services: Services, authed: Authed): express.Router {
  const router = express.Router();
  router.get('/api/audit.xlsx', authed(async (req, res, actor) => {
    if (!maySearchAuditTrail(actor.roles)) fail('FORBIDDEN', { id: 'Jejak audit hanya untuk Administrator dan Sekretaris.', en: 'The audit trail is for the administrator and the Sekretaris only.' });
    const day = (name: 'from' | 'until') => {
      const v = queryValue(req.query[name]);
      if (v !== undefined && (!DAY.test(v) || Number.isNaN(Date.parse(v)))) {
        fail('VALIDATION_FAILED', undefined, { fields: [fieldProblem(name, { id: 'Tanggal berformat YYYY-MM-DD', en: 'A date as YYYY-MM-DD' })] });
      }
      return v ?? null;
    };
    const f = await services.history.exportXlsx(actor, {
      actorId: optionalUuid(req.query.actorId) ?? null,
      from: day('from'),
      until: day('until'),
      entityType: queryValue(req.query.entityType) ?? null,
      text: queryValue(req.query.text) ?? null,
    });
    res.setHeader('Content-Type', f.mimeType);
    res.setHeader('Content-Length', String(f.bytes.length));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.end(f.bytes);
  }));
  return router;
}
