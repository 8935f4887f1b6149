import { lazily } from './lazy.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The same content as simple HTML, sent beside the text as an alternative. */
  html?: string;
}

export interface Mailer {
  readonly isConfigured: boolean;
  send(mail: Mail): Promise<void>;
}

/** Mail through the configured SMTP server; without one, nothing is sent and callers keep to in-app notices. */
export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer {
  if (!options.smtpUrl) return { isConfigured: false, send: async () => undefined };
  const smtpUrl = options.smtpUrl;
  // The mail library is loaded with the first message, not with the server.
  const transport = lazily(async () => (await import('nodemailer')).default.createTransport(smtpUrl));
  return {
    isConfigured: true,
    async send(mail) {
      await (await transport()).sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html !== undefined && { html: mail.html }) });
    },
  };
}
