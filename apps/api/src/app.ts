import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import Busboy from 'busboy';
import pinoHttp from 'pino-http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Actor } from './auth/actor';
import { bearer } from './auth/auth.service';
import { refusalAuditPlugin } from './audit/refusal-audit';
import { requireUserActor, SERVICE_READ_ONLY } from './auth/auth-checker';
import type { GqlContext } from './common/context';
import { AppError, formatGraphQLError, HTTP_STATUS, UPLOAD_FILE_MISSING, UPLOAD_NOT_MULTIPART } from './common/errors';
import { inputGuardPlugin, literalProblems } from './common/input-guard';
import { logger } from './common/logger';
import { costLimitRule } from './common/query-cost';
import { MAX_PAGE_SIZE } from './data-request/data-request.input';
import type { Config } from './config';
import type { Db } from './db/prisma';
import { reportRoutes } from './report/report.routes';
import { getSchema } from './schema/build-schema';
import { graphqlHeaders, spaRoutes } from './spa/spa.routes';
import { createServices, type ServiceOptions, type Services } from './services';
import { notificationStream } from './notification/notification.routes';

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
export async function createApp(config: Config, db: Db, opts: ServiceOptions = {}): Promise<App> {
  const services = createServices(db, config, opts);
  const production = config.NODE_ENV === 'production';
  // Operation limits, checked before execution; a refusal is BAD_USER_INPUT (or, for tokens,
  // GRAPHQL_VALIDATION_FAILED), which formatGraphQLError turns into our BAD_REQUEST.
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    maxTokens: { n: config.GRAPHQL_MAX_TOKENS },
    maxDirectives: { n: config.GRAPHQL_MAX_DIRECTIVES },
    // Our own cost rule (common/query-cost.ts) replaces armor's: see there why.
    costLimit: { enabled: false },
    // In production "Did you mean …" would map the schema for a caller without introspection.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const schema = await getSchema();
  const guard = { listChoices: !production };
  const apollo = new ApolloServer<GqlContext>({
    schema,
    introspection: config.introspection,
    hideSchemaDetailsFromClientErrors: production,
    validationRules: [...armor.validationRules, costLimitRule({ maxCost: config.GRAPHQL_MAX_COST, maxPageSize: MAX_PAGE_SIZE })],
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
      }, (original) => literalProblems(schema, original, guard)),
    plugins: [
      {
        // graphql-armor's token limit parses the document in parsingDidStart, outside Apollo's
        // own parse (which answers 400): its syntax errors would otherwise end as HTTP 500.
        // Listed before armor.plugins so this rejection is the one Apollo reports.
        async unexpectedErrorProcessingRequest({ error }) {
          if (error instanceof GraphQLError && error.message.startsWith('Syntax Error')) {
            throw new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } } });
          }
        },
      },
      ...armor.plugins,
      // Strings without control characters, and every variable coerced field by field, before any
      // resolver runs: a refusal names the field (VALIDATION_FAILED) instead of failing deeper.
      inputGuardPlugin(guard),
      {
        // A service token (machine client) is read-only: every mutation is refused before it
        // runs, public ones (login, verifyDocument) included. Queries are gated per scope in authChecker.
        async requestDidStart() {
          return {
            async didResolveOperation({ contextValue, operation }) {
              const actor = contextValue.actor;
              if (actor?.kind !== 'service' || operation?.operation === 'query') return;
              const refusal = new AppError('FORBIDDEN', SERVICE_READ_ONLY);
              throw new GraphQLError(refusal.message, { originalError: refusal, extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
            },
          };
        },
      },
      {
        // RATE_LIMITED is the one GraphQL error with its own HTTP status (429, with Retry-After).
        async requestDidStart() {
          return {
            async willSendResponse({ response }) {
              if (response.body.kind !== 'single') return;
              const limited = response.body.singleResult.errors?.find((e) => e.extensions?.code === 'RATE_LIMITED');
              if (!limited) return;
              response.http.status = 429;
              response.http.headers.set('retry-after', String(limited.extensions?.retryAfterSeconds ?? 60));
            },
          };
        },
      },
      // FORBIDDEN answers to signed-in callers leave an audit row (audit/refusal-audit.ts).
      refusalAuditPlugin(db),
      // No @cacheControl hints are used (every answer depends on the caller), and the default
      // cache-control plugin wraps every field's resolver: ~5% of the board's CPU.
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  // A refused bearer token is not an error by itself (public operations still run); the refusal
  // is kept so that an operation that needs an actor answers with its words (a machine client's
  // revoked token is told so, not to sign in again).
  const authenticate = async (req: Request): Promise<{ actor: Actor | null; authRefusal: AppError | null }> => {
    try {
      return { actor: await services.auth.actorFromToken(bearer(req.headers.authorization)), authRefusal: null };
    } catch (e) {
      if (e instanceof AppError && e.code === 'UNAUTHENTICATED') return { actor: null, authRefusal: e };
      throw e;
    }
  };
  const userActorOf = async (req: Request) => {
    const { actor, authRefusal } = await authenticate(req);
    return requireUserActor(actor, authRefusal);
  };

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
        ...(await authenticate(req)),
        db,
        config,
        services,
        requestId: String(req.id),
        ip: req.ip,
        userAgent: req.get('user-agent'),
      }),
    }),
  );

  // Upload: POST /api/documents?submissionId=…&kind=LHP (or requestId=…), multipart field "file".
  // The target comes in the query string so permission is checked before a byte is stored.
  app.post('/api/documents', async (req, res) => {
    const requestId = String(req.id);
    try {
      const actor = await userActorOf(req);
      const target = {
        submissionId: typeof req.query.submissionId === 'string' ? req.query.submissionId : undefined,
        requestId: typeof req.query.requestId === 'string' ? req.query.requestId : undefined,
        kind: String(req.query.kind ?? ''),
      };
      if (!(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
        throw new AppError('BAD_REQUEST', UPLOAD_NOT_MULTIPART);
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
        // busboy's own errors (a malformed part header, e.g. a NUL in the filename) are the client's.
        bb.on('error', () => reject(new AppError('BAD_REQUEST', { id: 'Unggahan multipart tidak dapat dibaca (bagian rusak).', en: 'The multipart upload cannot be read (a malformed part).' })));
        bb.on('close', () => {
          if (!seen) reject(new AppError('BAD_REQUEST', UPLOAD_FILE_MISSING));
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
    const requestId = String(req.id);
    try {
      const actor = await userActorOf(req);
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

  // Live in-app notifications (server-sent events), for the signed-in person only.
  app.get('/api/notifications/stream', notificationStream(services, userActorOf, send));

  // XLSX/PDF exports, the XLSX import and the public /verify/<code> page (before the SPA fallback).
  app.use(reportRoutes(services, config));

  // The built SPA, on the same port: security headers, precompressed immutable assets, history-mode fallback.
  if (fs.existsSync(path.join(config.WEB_DIST, 'index.html'))) app.use(spaRoutes(config.WEB_DIST, { production }));

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: number }).status;
    if (status === 413) return send(res, new AppError('FILE_TOO_LARGE', { id: 'Permintaan terlalu besar.', en: 'The request body is too large.' }), String(req.id));
    if (status && status < 500) return send(res, new AppError('BAD_REQUEST'), String(req.id));
    send(res, err, String(req.id));
  });

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
