/**
 * http/server.ts: the API's requests and responses are born with Express's prototypes, so that
 * Express's per-request `Object.setPrototypeOf` changes nothing (on Node 20 that change made the
 * young generation promote every request's objects; docs/decisions.md, "Session 8").
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import express from 'express';
import { createHttpServer, listen } from '../src/http/server';

it('requests and responses have the app\'s prototypes before Express sees them, and Express still answers', async () => {
  const app = express();
  app.get('/x', (req, res) => {
    res.status(201).json({ ip: req.ip, accepts: req.accepts('json') });
  });
  const seen: Array<{ req: boolean; res: boolean; incoming: boolean }> = [];
  const server = createHttpServer(app);
  // Runs before Express's own listener: what the objects are at birth.
  server.prependListener('request', (req, res) => {
    seen.push({ req: Object.getPrototypeOf(req) === app.request, res: Object.getPrototypeOf(res) === app.response, incoming: req instanceof http.IncomingMessage && res instanceof http.ServerResponse });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url}/x`);
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ ip: '127.0.0.1', accepts: 'json' });
    }
    // Keep-alive: the second and third requests come over the same socket, with fresh objects.
    expect(seen).toEqual([...Array(3)].map(() => ({ req: true, res: true, incoming: true })));
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

it('listen resolves once listening and rejects when the port is taken', async () => {
  const app = express();
  const first = await listen(app, 0, '127.0.0.1');
  try {
    const { port } = first.address() as AddressInfo;
    await expect(listen(app, port, '127.0.0.1')).rejects.toThrow(/EADDRINUSE/);
  } finally {
    await new Promise((r) => first.close(r));
  }
});

it('the product and the tests serve the app through listen, never app.listen', () => {
  const files = ['../src/main.ts', './harness.ts', './hardening.test.ts', './ops.test.ts'];
  for (const f of files) {
    const text = fs.readFileSync(path.join(__dirname, f), 'utf8');
    expect({ file: f, appListen: /\bapp\.listen\(/.test(text) }).toEqual({ file: f, appListen: false });
  }
  expect(fs.readFileSync(path.join(__dirname, '../src/main.ts'), 'utf8')).toMatch(/await listen\(app, config\.PORT, config\.HOST\)/);
});
