import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Config } from './config';
import type { Db } from './db/prisma';
import { createApollo } from './graphql/apollo';
import { graphqlHandler } from './graphql/http';
import { authenticate } from './http/authenticate';
import { requestLog } from './http/request-log';
import { errorHandler } from './http/errors';
import { fileRoutes } from './http/file-routes';
import { graphqlHeaders, spaRoutes } from './spa/spa.routes';
import { createServices, type ServiceOptions, type Services } from './services';
import { notificationStream } from './notification/notification.routes';
import { requireUserActor } from './auth/auth-checker';
import { sendError } from './http/errors';
import { extend } from './common/objects';

export interface App {
  app: express.Express;
  services: Services;
  stop(): Promise<void>;
}

/** Builds the HTTP app: GraphQL on /graphql, the file routes, health, and the SPA. */
export async function createApp(config: Config, db: Db, opts: ServiceOptions = {}): Promise<App> {
  const services = createServices(db, config, opts);
  const apollo = await createApollo(config, db);
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Off unless TRUST_PROXY names the proxies: a spoofed X-Forwarded-For must not pick the address.
  app.set('trust proxy', config.TRUST_PROXY);

  // One log line per request, with the x-request-id (http/request-log.ts).
  app.use(requestLog());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.$queryRawUnsafe('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.use(
    '/graphql',
    graphqlHeaders,
    express.json({ limit: '1mb' }),
    graphqlHandler(apollo, async ({ req }) =>
      extend(await authenticate(services.auth, req), {
        config,
        services,
        requestId: String(req.id),
        ip: req.ip,
        userAgent: req.get('user-agent'),
      }),
    ),
  );

  // Live in-app notifications (server-sent events), for the signed-in person only.
  app.get(
    '/api/notifications/stream',
    notificationStream(services, async (req) => {
      const { actor, authRefusal } = await authenticate(services.auth, req);
      return requireUserActor(actor, authRefusal);
    }, sendError),
  );

  // Documents, XLSX/PDF exports, the XLSX import and the public /verify/<code> page (before the SPA fallback).
  app.use(fileRoutes(services, config, db));

  // The built SPA, on the same port: security headers, precompressed immutable assets, history-mode fallback.
  if (fs.existsSync(path.join(config.WEB_DIST, 'index.html'))) app.use(spaRoutes(config.WEB_DIST, { production: config.NODE_ENV === 'production' }));

  app.use(errorHandler);

  return {
    app,
    services,
    async stop() {
      await services.jobs.stop();
      await services.notifications.stop();
      await services.webhookDispatcher.stop();
      await apollo.stop();
    },
  };
}
