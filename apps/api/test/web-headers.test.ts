/**
 * Headers and compression of what the API serves to browsers (issue 9, item 6): the SPA's
 * security headers and caching, its precompressed assets chosen by Accept-Encoding, and
 * nosniff + no-store on /graphql. The SPA here is a small stand-in build in a temporary folder
 * (the real build runs under these headers in the Chromium scenarios of apps/web/test/e2e).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { attacks } from './attacks';
import { startTestApp, type TestApp } from './harness';

const SCRIPT = `export const pesan = ${JSON.stringify('Selamat datang di SIPEDAKI. '.repeat(200))};\n`;
const STYLE = 'body { color: #1f4e79; }\n';
const INDEX = '<!doctype html><html lang="id"><head><script type="module" crossorigin src="/assets/index-AbC123.js"></script></head><body><div id="app"></div></body></html>';

function fakeBuild(): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'sipedaki-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dist, 'assets/index-AbC123.js'), SCRIPT);
  fs.writeFileSync(path.join(dist, 'assets/index-AbC123.js.br'), zlib.brotliCompressSync(SCRIPT));
  fs.writeFileSync(path.join(dist, 'assets/index-AbC123.js.gz'), zlib.gzipSync(SCRIPT));
  // Too small to be worth compressing: the build writes no copies, the server sends it as is.
  fs.writeFileSync(path.join(dist, 'assets/index-XyZ789.css'), STYLE);
  return dist;
}

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body is not decoded for us, so the bytes on the wire can be checked. */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const dists: string[] = [];
let t: TestApp;
beforeAll(async () => {
  const dist = fakeBuild();
  dists.push(dist);
  t = await startTestApp({ WEB_DIST: dist });
});
afterAll(async () => {
  await t.close();
  for (const d of dists) fs.rmSync(d, { recursive: true, force: true });
});

function expectPageHeaders(h: http.IncomingHttpHeaders) {
  const csp = String(h['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['referrer-policy']).toBe('no-referrer');
  expect(h['cross-origin-opener-policy']).toBe('same-origin');
}

describe('the SPA: security headers and caching', () => {
  const attack = attacks('header keamanan');

  it.each(['/', '/masuk', '/permintaan/00000000-0000-4000-8000-000000000000', '/index.html'])('GET %s: the page, with the CSP and the other headers, revalidated on every load', (p) =>
    attack(`page ${p}`, async () => {
      const r = await raw(`${t.url}${p}`);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.body.toString()).toBe(INDEX);
      expectPageHeaders(r.headers);
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['strict-transport-security']).toBeUndefined(); // not production
    }));

  it('a content-hashed asset: immutable for a year, with the same security headers', () =>
    attack('asset headers', async () => {
      const r = await raw(`${t.url}/assets/index-XyZ789.css`, { 'accept-encoding': 'br, gzip' });
      expect(r.status).toBe(200);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(r.headers['content-type']).toMatch(/^text\/css/);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.body.toString()).toBe(STYLE);
      expectPageHeaders(r.headers);
    }));

  it('an asset that does not exist is 404 as text, never the SPA’s HTML (which nosniff would make a broken script)', () =>
    attack('missing asset', async () => {
      for (const p of ['/assets/index-Old000.js', '/assets/index-AbC123.js.br', '/assets/..%2Findex.html', '/assets/%2e%2e%2fpackage.json']) {
        const r = await raw(`${t.url}${p}`);
        expect(r.status).toBe(404);
        expect(r.headers['content-type']).not.toMatch(/html/);
        expect(r.headers['x-content-type-options']).toBe('nosniff');
      }
    }));

  it('the public /verify/<code> page keeps its own, stricter CSP (the SPA’s does not replace it)', async () => {
    const r = await raw(`${t.url}/verify/ABCD-EFGH-JKLM`);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('in production the answers also carry Strict-Transport-Security', async () => {
    const dist = fakeBuild();
    dists.push(dist);
    const prod = await startTestApp({ WEB_DIST: dist, NODE_ENV: 'production', SEED_DEMO: 'false' });
    try {
      const r = await raw(`${prod.url}/`);
      expectPageHeaders(r.headers);
      expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await prod.close();
    }
  });
});

describe('the SPA’s assets, compressed as the browser accepts', () => {
  const attack = attacks('header keamanan');
  const url = () => `${t.url}/assets/index-AbC123.js`;

  it.each<[string, string | null, (b: Buffer) => Buffer]>([
    ['br, gzip, deflate (Chromium)', 'br', (b) => zlib.brotliDecompressSync(b)],
    ['gzip, deflate', 'gzip', (b) => zlib.gunzipSync(b)],
    ['br;q=0, gzip', 'gzip', (b) => zlib.gunzipSync(b)],
    ['identity', null, (b) => b],
  ])('Accept-Encoding: %s → %s', (accept, encoding, decode) =>
    attack(`compression ${accept}`, async () => {
      const r = await raw(url(), { 'accept-encoding': accept });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe(encoding ?? undefined);
      expect(r.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(r.headers['content-type']).toMatch(/javascript/);
      expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      if (encoding) expect(r.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5);
      expect(decode(r.body).toString()).toBe(SCRIPT);
    }));

  it('no Accept-Encoding at all → the file as it is', async () => {
    const r = await raw(url());
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.toString()).toBe(SCRIPT);
  });
});

describe('/graphql answers', () => {
  const attack = attacks('header keamanan');

  it('are nosniff and no-store, for an answer and for an error', () =>
    attack('graphql headers', async () => {
      for (const query of ['{ sopSteps { no } }', '{ me { user { id } } }', '{ nope }']) {
        const r = await raw(`${t.url}/graphql`, { 'content-type': 'application/json' }, 'POST', JSON.stringify({ query }));
        expect(r.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
        expect(r.headers['x-content-type-options']).toBe('nosniff');
        expect(r.headers['cache-control']).toBe('no-store');
      }
    }));
});
