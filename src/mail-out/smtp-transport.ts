// The SMTP adapter for the digest: a nodemailer transport built from the smtp config (TLS modes as for
// mailboxes: implicit, starttls required, or none only when asked), and errors turned into codes the
// sender switches on: a definite refusal, a failure before the server accepted (safe to retry), or an
// unknown outcome (the message may have been accepted: never resend blindly).
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { SmtpConfig } from '../config/config-schema.js';
import { bareAddress } from '../core/email-address.js';

export interface OutgoingMail {
  from: string;
  to: { name: string; address: string };
  replyTo?: string | undefined;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

export type SendOutcome =
  | { status: 'accepted'; response: string }
  | { status: 'failed'; code: 'smtp_auth' | 'smtp_rejected' | 'smtp_transient'; message: string }
  | { status: 'unknown'; message: string };

export interface MailSender {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): void;
}

export function smtpOptions(smtp: SmtpConfig, baseDir: string): SMTPTransport.Options {
  const port = smtp.port ?? (smtp.tls === 'implicit' ? 465 : smtp.tls === 'starttls' ? 587 : 25);
  const ca = smtp.caFile ? fs.readFileSync(path.resolve(baseDir, smtp.caFile)) : undefined;
  return {
    host: smtp.host,
    port,
    secure: smtp.tls === 'implicit',
    requireTLS: smtp.tls === 'starttls',
    ignoreTLS: smtp.tls === 'none',
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(ca ? { ca } : {}) },
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** Where nodemailer stopped tells whether the server may already hold the message. */
export function classifySmtpError(error: unknown): SendOutcome {
  const e = error as { code?: string; responseCode?: number; command?: string; message?: string };
  const message = e?.message ?? String(error);
  if (e?.code === 'EAUTH') return { status: 'failed', code: 'smtp_auth', message };
  if (typeof e?.responseCode === 'number') {
    return { status: 'failed', code: e.responseCode >= 500 ? 'smtp_rejected' : 'smtp_transient', message };
  }
  // The connection died after the message body was sent and before the server answered.
  if (e?.command === 'DATA' || /after DATA|message sent/i.test(message)) return { status: 'unknown', message };
  return { status: 'failed', code: 'smtp_transient', message };
}

export function createSmtpSender(smtp: SmtpConfig, baseDir: string): MailSender {
  const transport = nodemailer.createTransport(smtpOptions(smtp, baseDir));
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: mail.from,
          to: mail.to,
          replyTo: mail.replyTo,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          headers: mail.headers,
          // Exactly one recipient, whatever the headers say.
          envelope: { from: bareAddress(mail.from), to: [mail.to.address] },
          disableFileAccess: true,
          disableUrlAccess: true,
        });
        return { status: 'accepted', response: info.response };
      } catch (error) {
        return classifySmtpError(error);
      }
    },
    close() {
      transport.close();
    },
  };
}
