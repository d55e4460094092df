/**
 * Requests from an address of their own. The per-address login limit lives in the database
 * (auth/login-rate-limit.ts), which every test app of a run shares — as replicas share it — so a
 * test that counts one address's budget sends from a loopback address no other test uses: on
 * Linux the whole of 127.0.0.0/8 is the loopback interface, and binding a client socket to
 * 127.x.y.z makes the server see that address as the peer, with no proxy header involved.
 */
import crypto from 'node:crypto';
import http from 'node:http';

/** A loopback address nobody else in this run sends from (127.0.0.1 is everyone's default). */
export function uniqueLoopbackAddress(): string {
  const [a, b, c] = crypto.randomBytes(3);
  return `127.${a! % 254 + 1}.${b}.${(c! % 253) + 2}`;
}

export interface SimpleInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A fetch whose connections come from `localAddress`, answering a standard Response. */
export function fetchFrom(localAddress: string) {
  return (url: string, init: SimpleInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, localAddress, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
          const status = res.statusCode ?? 0;
          resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers }));
        });
      });
      req.on('error', reject);
      req.end(init.body);
    });
}
