import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import pinoHttp from 'pino-http';
import express from 'express';
import { logger } from './common/logger';
import type { Config } from './config';
import type { Db } from './db/prisma';
import { createApollo } from './graphql/apollo';
import { authenticate } from './http/authenticate';
import { errorHandler } from './http/errors';
import { fileRoutes } from './http/file-routes';
import { graphqlHeaders, spaRoutes } from './spa/spa.routes';
import { createServices, type ServiceOptions, type Services } from './services';
import { notificationStream } from './notification/notification.routes';
import { requireUserActor } from './auth/auth-checker';
import { sendError } from './http/errors';

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

  // One log line per request: method, path (no query string), status, ms and a request id that
  // the client also gets as `x-request-id`. No headers (Authorization) and no bodies (passwords).
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w.-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customAttributeKeys: { responseTime: 'ms' },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    }),
  );

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
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        ...(await authenticate(services.auth, req)),
        config,
        services,
        requestId: String(req.id),
        ip: req.ip,
        userAgent: req.get('user-agent'),
      }),
    }),
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
