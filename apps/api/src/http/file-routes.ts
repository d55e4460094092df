import express from 'express';
import type { Config } from '../config';
import type { Db } from '../db/prisma';
import { documentRoutes } from '../document/document.routes';
import { reportRoutes } from '../report/report.routes';
import { monitoringRoutes } from '../monitoring/monitoring.routes';
import { lkjipRoutes } from '../lkjip/lkjip.routes';
import { rollupRoutes } from '../rollup/rollup.routes';
import { indicatorRoutes } from '../indicator/indicator.routes';
import { findingRoutes } from '../finding/finding.routes';
import { historyRoutes } from '../history/history.routes';
import { pemdaRequestRoutes } from '../pemda-request/pemda-request.routes';
import type { Services } from '../services';
import { authedRoutes } from './authed';

/**
 * Every route that moves a file: documents (upload, download), exports and the XLSX import under
 * one `authed()` wrapper with one error handling, and the public /verify page. Mounted before
 * the SPA's fallback.
 */
export function fileRoutes(services: Services, config: Config, db: Db): express.Router {
  const authed = authedRoutes(services.auth, db);
  const router = express.Router();
  router.use(documentRoutes(services, config, authed));
  router.use(reportRoutes(services, config, authed));
  router.use(monitoringRoutes(services, config, authed));
  router.use(lkjipRoutes(services, config, authed));
  router.use(rollupRoutes(services, authed));
  router.use(indicatorRoutes(services, config, authed));
  router.use(findingRoutes(services, config, authed));
  router.use(historyRoutes(services, authed));
  router.use(pemdaRequestRoutes(services, authed));
  return router;
}
