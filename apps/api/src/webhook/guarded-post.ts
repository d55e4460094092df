import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { WebhookUrlGuard } from './url-guard';

/** The receiver's answer is read up to this many bytes (and ignored): only the status counts. */
export const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * One POST with node:http(s), shared by the webhooks and the WhatsApp/SMS gateway: it never
 * follows a redirect (a 3xx is just a failed status), and the socket connects only to addresses
 * the SSRF guard's lookup let through (DNS is asked again at every attempt, no connection is
 * reused). Resolves with the status once the answer has ended, MAX_RESPONSE_BYTES were read, or
 * the timeout cut a slow body. Rejects with WebhookAddressRefused for a refused address.
 */
export function guardedPost(guard: WebhookUrlGuard, url: URL, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An IP-literal host is connected to without a lookup: check it here.
  const literal = net.isIP(host) ? guard.resolveChecked(host) : Promise.resolve();
  return literal.then(
    () =>
      new Promise<number>((resolve, reject) => {
        const client = url.protocol === 'https:' ? https : http;
        const req = client.request(
          url,
          {
            method: 'POST',
            headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
            agent: false,
            lookup: guard.lookup,
            signal: AbortSignal.timeout(timeoutMs),
          },
          (res) => {
            let read = 0;
            const finish = () => {
              resolve(res.statusCode ?? 0);
              res.destroy();
            };
            res.on('data', (chunk: Buffer) => {
              read += chunk.length;
              if (read >= MAX_RESPONSE_BYTES) finish();
            });
            res.on('end', finish);
            res.on('error', finish);
            res.on('close', finish);
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
  );
}
