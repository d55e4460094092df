#!/usr/bin/env node
/**
 * A minimal receiver of SIPEDAKI webhooks (docs/api.md, "Webhooks"): checks the signature over the
 * raw body, refuses deliveries older than 5 minutes (replays), ignores a delivery id it has already
 * processed (delivery is at least once), and prints each event as one JSON line.
 *
 *   SIPEDAKI_WEBHOOK_SECRET=whsec_… PORT=8080 node examples/webhook-receiver.mjs
 *
 * Register its public https:// address with registerWebhookEndpoint; the secret is the one that
 * mutation answered (shown once). Plain node:http, no dependencies; Node 18+.
 * `verifySipedakiSignature` can be imported on its own: it is the whole check.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

/**
 * True when `header` (X-Sipedaki-Signature: `t=<unix seconds>,v1=<hex>`) is a valid signature of
 * `rawBody` (the bytes exactly as received, a Buffer or string) made with `secret` no more than
 * `toleranceSeconds` away from `nowMs`.
 */
export function verifySipedakiSignature(secret, rawBody, header, { toleranceSeconds = 300, nowMs = Date.now() } = {}) {
  let t = null;
  const signatures = [];
  for (const part of String(header ?? '').split(',')) {
    const i = part.indexOf('=');
    const key = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) t = value;
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (t === null || signatures.length === 0) return false;
  // Replay protection: a captured delivery is worthless after the tolerance.
  if (Math.abs(Math.floor(nowMs / 1000) - Number(t)) > toleranceSeconds) return false;
  const expected = crypto.createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  // Constant-time compare; more than one v1 may come (e.g. while a secret is being replaced).
  return signatures.some((s) => crypto.timingSafeEqual(Buffer.from(s, 'hex'), expected));
}

function serve() {
  const secret = process.env.SIPEDAKI_WEBHOOK_SECRET;
  if (!secret?.startsWith('whsec_')) {
    console.error('Set SIPEDAKI_WEBHOOK_SECRET to the secret registerWebhookEndpoint answered (whsec_…).');
    process.exit(2);
  }
  const seen = new Set(); // a real receiver keeps processed ids in its database
  const MAX_BODY = 1024 * 1024;

  const server = http.createServer((req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (!verifySipedakiSignature(secret, raw, req.headers['x-sipedaki-signature'])) {
        return void res.writeHead(401).end('invalid signature');
      }
      const id = req.headers['x-sipedaki-delivery'];
      if (seen.has(id)) return void res.writeHead(200).end('duplicate');
      seen.add(id);
      const event = JSON.parse(raw.toString('utf8'));
      // Answer quickly; do slow work after (or in a queue): SIPEDAKI waits WEBHOOK_TIMEOUT_MS.
      res.writeHead(204).end();
      process.stdout.write(JSON.stringify({ received: event.event, id: event.id, request: event.request?.id, status: event.request?.status }) + '\n');
    });
  });
  server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1', () => {
    const { address, port } = server.address();
    process.stdout.write(`listening on http://${address}:${port}\n`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) serve();
