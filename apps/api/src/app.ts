import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import Busboy from 'busboy';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Actor } from './auth/actor';
import { bearer } from './auth/auth.service';
import type { GqlContext } from './common/context';
import { AppError, formatGraphQLError, HTTP_STATUS } from './common/errors';
import { logger } from './common/logger';
import type { Config } from './config';
import type { Db } from './db/prisma';
import { getSchema } from './schema/build-schema';
import { createServices, type Services } from './services';

export interface App {
  app: express.Express;
  services: Services;
  stop(): Promise<void>;
}

const send = (res: Response, err: unknown, requestId: string) => {
  if (err instanceof AppError) {
    res.status(HTTP_STATUS[err.code] ?? 400).json(err.toJSON());
    return;
  }
  logger.error({ err, requestId }, 'unhandled error');
  const e = new AppError('INTERNAL_ERROR', undefined, { correlationId: requestId });
  res.status(500).json(e.toJSON());
};

/** Builds the HTTP app: GraphQL on /graphql, documents on /api/documents, health, and the SPA. */
export async function createApp(config: Config, db: Db): Promise<App> {
  const services = createServices(db, config);
  const apollo = new ApolloServer<GqlContext>({
    schema: await getSchema(),
    introspection: config.introspection,
    // CSRF prevention stays on (Apollo's default): a browser cannot send a "simple" cross-site request.
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // main.ts owns the shutdown order (HTTP, Apollo, database, embedded database).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) =>
      formatGraphQLError(formatted, error, (cause) => {
        const correlationId = crypto.randomUUID();
        logger.error({ err: cause, correlationId }, 'internal error in GraphQL operation');
        return correlationId;
      }),
    plugins: config.NODE_ENV === 'production' ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();

  const actorOf = async (req: Request): Promise<Actor | null> => {
    try {
      return await services.auth.actorFromToken(bearer(req.headers.authorization));
    } catch (e) {
      if (e instanceof AppError && e.code === 'UNAUTHENTICATED') return null;
      throw e;
    }
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

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
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        actor: await actorOf(req),
        db,
        config,
        services,
        requestId: crypto.randomUUID(),
      }),
    }),
  );

  // Upload: POST /api/documents?submissionId=…&kind=LHP (or requestId=…), multipart field "file".
  // The target comes in the query string so permission is checked before a byte is stored.
  app.post('/api/documents', async (req, res) => {
    const requestId = crypto.randomUUID();
    try {
      const actor = await actorOf(req);
      if (!actor) throw new AppError('UNAUTHENTICATED');
      const target = {
        submissionId: typeof req.query.submissionId === 'string' ? req.query.submissionId : undefined,
        requestId: typeof req.query.requestId === 'string' ? req.query.requestId : undefined,
        kind: String(req.query.kind ?? ''),
      };
      if (!(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
        throw new AppError('BAD_REQUEST', 'Unggah berkas sebagai multipart/form-data dengan field "file".');
      }
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > config.MAX_UPLOAD_BYTES + 64 * 1024) throw new AppError('FILE_TOO_LARGE');
      const doc = await new Promise((resolve, reject) => {
        const bb = Busboy({ headers: req.headers, limits: { files: 1, fields: 5, fileSize: config.MAX_UPLOAD_BYTES + 1 } });
        let seen = false;
        bb.on('file', (name, stream, info) => {
          if (name !== 'file' || seen) {
            stream.resume();
            return;
          }
          seen = true;
          services.documents.upload(actor, target, info.filename ?? 'berkas', info.mimeType, stream).then(resolve, reject);
        });
        bb.on('error', reject);
        bb.on('close', () => {
          if (!seen) reject(new AppError('BAD_REQUEST', 'Field "file" tidak ditemukan.'));
        });
        req.pipe(bb);
      });
      res.status(201).json(doc);
    } catch (err) {
      if (!res.headersSent) {
        res.setHeader('Connection', 'close');
        send(res, err, requestId);
      }
      req.resume();
    }
  });

  app.get('/api/documents/:id', async (req, res) => {
    const requestId = crypto.randomUUID();
    try {
      const actor = await actorOf(req);
      if (!actor) throw new AppError('UNAUTHENTICATED');
      const { doc, stream } = await services.documents.forDownload(actor, req.params.id);
      res.setHeader('Content-Type', doc.mimeType);
      res.setHeader('Content-Length', String(doc.size));
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`);
      res.setHeader('X-Content-SHA256', doc.sha256);
      res.setHeader('ETag', `"${doc.sha256}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      stream.on('error', (err) => {
        logger.error({ err, requestId, documentId: doc.id }, 'stored file missing or unreadable');
        res.destroy();
      });
      stream.pipe(res);
    } catch (err) {
      send(res, err, requestId);
    }
  });

  // The built SPA, on the same port, with history-mode fallback.
  const webDist = config.WEB_DIST;
  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|api\/).*/, (_req, res) => {
      res.sendFile(path.join(webDist, 'index.html'));
    });
  }

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: number }).status;
    if (status === 413) return send(res, new AppError('FILE_TOO_LARGE', 'Permintaan terlalu besar.'), 'body');
    if (status && status < 500) return send(res, new AppError('BAD_REQUEST'), 'body');
    send(res, err, crypto.randomUUID());
  });

  return {
    app,
    services,
    async stop() {
      await apollo.stop();
    },
  };
}
