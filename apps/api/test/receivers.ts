/**
 * Receivers on loopback for the notification tests and the bench: a real SMTP server
 * (smtp-server) and an HTTP gateway standing in for a WhatsApp / SMS provider.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  raw: string;
  messageId: string;
  to: string[];
  subject: string;
  at: number;
}

/**
 * An SMTP server without TLS or AUTH (loopback only). `hold` makes the next message's DATA wait
 * (the client stays mid-send) until `release()`; `onHeld` tells when that happened.
 */
export async function smtpReceiver() {
  const mails: Mail[] = [];
  let holdNext = false;
  let held: (() => void) | null = null;
  const heldWaiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const accept = () => {
          const header = raw.split(/\r?\n\r?\n/)[0] ?? '';
          const unfolded = header.replace(/\r?\n[ \t]+/g, ' ');
          mails.push({
            raw,
            messageId: /^Message-ID:\s*<([^>]+)>/im.exec(unfolded)?.[1] ?? '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: /^Subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '',
            at: Date.now(),
          });
          callback();
        };
        if (holdNext) {
          holdNext = false;
          // Never answered: the sender dies before the message is accepted.
          held = () => callback(new Error('held'));
          for (const w of heldWaiters.splice(0)) w();
          return;
        }
        accept();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    /** The next message is held mid-DATA; resolves when it arrives. */
    holdNext(): Promise<void> {
      holdNext = true;
      return new Promise((r) => heldWaiters.push(r));
    },
    release() {
      held?.();
      held = null;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface GatewayHit {
  path: string;
  key: string;
  body: { phone?: string; message?: string; [k: string]: unknown };
  auth: string | undefined;
  at: number;
}

/** An HTTP "WhatsApp/SMS provider": records each POST (path, Idempotency-Key, JSON body). */
export async function gatewayReceiver() {
  const hits: GatewayHit[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let body = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        // recorded as {}
      }
      hits.push({ path: req.url ?? '', key: String(req.headers['idempotency-key'] ?? ''), body, auth: req.headers.authorization, at: Date.now() });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
