import nodemailer from 'nodemailer';
import type { Email } from './messages.ts';

export interface Mailer {
  /** Hands the message to the SMTP server; rejects when the server refuses it or cannot be reached. */
  send(to: string | string[], email: Email): Promise<void>;
  close(): void;
}

/**
 * The SMTP relay at SMTP_URL (smtp:// with STARTTLS when offered, smtps:// for TLS from the
 * start, credentials in the URL), or undefined when SMTP_URL is not set: e-mail is then off.
 */
export function createMailer(
  config: { smtpUrl?: string; mailFrom?: string }, log: (message: string) => void = () => undefined,
): Mailer | undefined {
  if (!config.smtpUrl || !config.mailFrom) {
    log('E-mail notifications are off: SMTP_URL is not set.');
    return undefined;
  }
  // One connection per message: the queue sends a few at a time, and a relay that restarted
  // between two messages is simply connected to again. Short timeouts let a dead relay fail the
  // attempt quickly; the queue retries it later.
  const transport = nodemailer.createTransport(
    { url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: config.mailFrom },
  );
  return {
    async send(to, email) {
      await transport.sendMail({ to, subject: email.subject, text: email.text });
    },
    close: () => transport.close(),
  };
}
