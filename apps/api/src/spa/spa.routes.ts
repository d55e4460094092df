/**
 * The built SPA (apps/web/dist) on the API's own port, as production runs it:
 *  - security headers on every answer: a Content-Security-Policy the SPA runs under without
 *    'unsafe-inline' or 'unsafe-eval' (checked in Chromium by the e2e scenarios), no framing,
 *    no sniffing, no Referer;
 *  - the content-hashed files under /assets cached for a year as immutable, served as the
 *    Brotli or gzip copy written at build time (apps/web/build/precompress.ts) when the browser
 *    accepts it; an unknown /assets path is 404, never the SPA's HTML;
 *  - index.html (and every history-mode route that falls back to it) revalidated on each load,
 *    so a new release is picked up at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * What the SPA may load: its own scripts, styles, fonts and images (data: images too) and its own
 * API. Vite emits no inline script or style; Vue sets style bindings through the CSSOM, which CSP
 * does not govern; vue-i18n 11 compiles messages to an AST it interprets (no `new Function`).
 */
export const SPA_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every SPA answer (HTML and assets alike). */
export function spaSecurityHeaders(production: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': SPA_CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    // Browsers heed it only over HTTPS (the TLS proxy in front); over plain HTTP it is ignored.
    ...(production ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

/** Headers of every /graphql answer: never cached (answers depend on the caller), never sniffed. */
export function graphqlHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  next();
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** Each file under dist/assets with the precompressed copies that exist beside it. */
function assetTable(assetsDir: string): Map<string, Encoding[]> {
  const table = new Map<string, Encoding[]>();
  if (!fs.existsSync(assetsDir)) return table;
  const names = new Set(fs.readdirSync(assetsDir));
  for (const name of names) {
    if (name.endsWith('.br') || name.endsWith('.gz')) continue;
    table.set(name, (['br', 'gzip'] as const).filter((e) => names.has(name + SUFFIX[e])));
  }
  return table;
}

/** Routes for the SPA in `dist`; mount after every API route. */
export function spaRoutes(dist: string, opts: { production: boolean }): express.Router {
  const router = express.Router();
  const security = spaSecurityHeaders(opts.production);
  const assetsDir = path.join(dist, 'assets');
  // Read once: the build does not change under a running server (a new release is a restart),
  // and only a name in this table is ever joined to a path.
  const assets = assetTable(assetsDir);
  const indexHtml = path.join(dist, 'index.html');

  router.use((_req, res, next) => {
    for (const [k, v] of Object.entries(security)) res.setHeader(k, v);
    next();
  });

  router.get('/assets/:name', (req, res) => {
    const name = String(req.params.name);
    const encodings = assets.get(name);
    if (!encodings) {
      res.setHeader('Cache-Control', REVALIDATE);
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    res.setHeader('Cache-Control', IMMUTABLE);
    res.setHeader('Vary', 'Accept-Encoding');
    const chosen = encodings.length ? req.acceptsEncodings([...encodings, 'identity']) : 'identity';
    const encoding = chosen === 'br' || chosen === 'gzip' ? chosen : null;
    res.type(path.extname(name));
    if (encoding) res.setHeader('Content-Encoding', encoding);
    res.sendFile(name + (encoding ? SUFFIX[encoding] : ''), { root: assetsDir, cacheControl: false, dotfiles: 'deny' });
  });

  // Other files at the root of the build (none today; e.g. a favicon from apps/web/public).
  router.use(
    express.static(dist, {
      index: false,
      cacheControl: false,
      setHeaders: (res) => res.setHeader('Cache-Control', REVALIDATE),
    }),
  );

  // History-mode fallback: every page path answers index.html.
  router.get(/^\/(?!graphql|api\/|assets\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(indexHtml, { cacheControl: false });
  });
  return router;
}
