/**
 * The outbound channels: e-mail over SMTP (nodemailer) and WhatsApp / SMS through the office's
 * HTTP gateway. Each `send` either resolves (the message was handed over) or throws (the job
 * retries it with backoff). Nothing here knows about users or events.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config';
import { guardedPost } from '../webhook/guarded-post';
import { WebhookAddressRefused, WebhookUrlGuard, type Resolver } from '../webhook/url-guard';

export interface OutboundMessage {
  /** Stable per delivery: the e-mail's Message-ID and the gateway's idempotency header. */
  id: string;
  to: string;
  title: string;
  body: string;
  link: string | null;
  lang: 'id' | 'en';
}

type MailConfig = Pick<Config, 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_SECURE' | 'SMTP_USER' | 'SMTP_PASSWORD' | 'SMTP_FROM' | 'SMTP_TIMEOUT_MS' | 'SMTP_POOL_SIZE' | 'smtpRequireTls' | 'publicBaseUrl'>;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export class EmailChannel {
  private transport: Transporter | undefined;

  constructor(private readonly config: MailConfig) {}

  get configured(): boolean {
    return !!this.config.SMTP_HOST;
  }

  private transporter(): Transporter {
    this.transport ??= nodemailer.createTransport({
      host: this.config.SMTP_HOST,
      port: this.config.SMTP_PORT,
      secure: this.config.SMTP_SECURE,
      requireTLS: this.config.smtpRequireTls && !this.config.SMTP_SECURE,
      ignoreTLS: !this.config.smtpRequireTls && !this.config.SMTP_SECURE,
      auth: this.config.SMTP_USER ? { user: this.config.SMTP_USER, pass: this.config.SMTP_PASSWORD ?? '' } : undefined,
      connectionTimeout: this.config.SMTP_TIMEOUT_MS,
      greetingTimeout: this.config.SMTP_TIMEOUT_MS,
      socketTimeout: this.config.SMTP_TIMEOUT_MS,
      pool: true,
      // Several messages on the wire at once: one slow answer does not hold the others; a
      // connection carries many messages before it is renewed (not nodemailer's 100).
      maxConnections: this.config.SMTP_POOL_SIZE,
      maxMessages: 1000,
    });
    return this.transport;
  }

  /** Plain text and a simple HTML twin; the Message-ID is the delivery's, so a resend is recognisable. */
  async send(m: OutboundMessage): Promise<void> {
    if (!this.configured) throw new Error('SMTP_HOST is not set');
    const url = m.link ? `${this.config.publicBaseUrl}${m.link}` : null;
    const open = m.lang === 'id' ? 'Buka di SIPEDAKI' : 'Open in SIPEDAKI';
    const footer = m.lang === 'id' ? 'Pesan otomatis SIPEDAKI. Atur pemberitahuan di Profil saya.' : 'An automatic message from SIPEDAKI. Choose your notifications on your profile page.';
    await this.transporter().sendMail({
      from: this.config.SMTP_FROM,
      to: m.to,
      subject: m.title,
      messageId: `<${m.id}@sipedaki>`,
      headers: { 'X-Sipedaki-Delivery': m.id, 'Auto-Submitted': 'auto-generated' },
      text: `${m.body}\n${url ? `\n${open}: ${url}\n` : ''}\n-- \n${footer}\n`,
      html:
        `<!doctype html><html lang="${m.lang}"><body style="font-family:sans-serif;line-height:1.5">` +
        `<h2 style="font-size:18px">${escapeHtml(m.title)}</h2><p>${escapeHtml(m.body).replace(/\n/g, '<br>')}</p>` +
        (url ? `<p><a href="${escapeHtml(url)}">${open}</a></p>` : '') +
        `<p style="color:#666;font-size:12px">${footer}</p></body></html>`,
    });
  }

  close(): void {
    this.transport?.close();
    this.transport = undefined;
  }
}

export interface GatewaySettings {
  url: string | undefined;
  /** "Header-Name: value", e.g. "Authorization: Bearer abc". Secret. */
  auth: string | undefined;
  /** JSON with {{phone}} and {{message}}, each replaced by the JSON-escaped value. */
  body: string;
}

/** Fills the body template: values are JSON-escaped so a message cannot break out of its string. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? JSON.stringify(values[key]).slice(1, -1) : whole));
}

/**
 * WhatsApp or SMS through the office's provider: one POST of the body template to the configured
 * URL, behind the same SSRF guard as the webhooks (GATEWAY_ALLOWED_HOSTS for an intranet
 * gateway). A 2xx answer counts as handed over.
 */
export class GatewayChannel {
  private readonly guard: WebhookUrlGuard;

  constructor(
    readonly name: 'WHATSAPP' | 'SMS',
    private readonly settings: GatewaySettings,
    opts: { allowHttp: boolean; allowedHosts: string[]; timeoutMs: number; resolve?: Resolver },
  ) {
    this.guard = new WebhookUrlGuard({ allowHttp: opts.allowHttp, allowedHosts: opts.allowedHosts }, opts.resolve);
    this.timeoutMs = opts.timeoutMs;
  }

  private readonly timeoutMs: number;

  get configured(): boolean {
    return !!this.settings.url;
  }

  async send(m: OutboundMessage): Promise<void> {
    if (!this.settings.url) throw new Error(`${this.name} gateway is not configured`);
    const url = this.guard.parse(this.settings.url);
    if (!(url instanceof URL)) throw new Error(`gateway URL refused: ${url.en}`);
    const text = `${m.title}\n${m.body}${m.link ? `\n${this.linkBase}${m.link}` : ''}`;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'SIPEDAKI-Notify/1', 'idempotency-key': m.id };
    if (this.settings.auth) {
      const i = this.settings.auth.indexOf(':');
      if (i > 0) headers[this.settings.auth.slice(0, i).trim().toLowerCase()] = this.settings.auth.slice(i + 1).trim();
    }
    let status: number;
    try {
      status = await guardedPost(this.guard, url, fillTemplate(this.settings.body, { phone: m.to, message: text }), headers, this.timeoutMs);
    } catch (err) {
      if (err instanceof WebhookAddressRefused) throw new Error(`gateway address refused (${err.host} → internal network); nothing sent`);
      throw err;
    }
    if (status < 200 || status >= 300) throw new Error(`gateway answered HTTP ${status}`);
  }

  linkBase = '';
}
