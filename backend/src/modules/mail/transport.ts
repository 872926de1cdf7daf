/**
 * Where mail goes: an SMTP server (SMTP_URL), or, by default, .eml files under DATA_DIR/mail
 * with their links logged, so that `npm start` needs no mail server.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../config';
import type { Logger } from '../../logger';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The link the mail is about, logged when mail is written to files. */
  link?: string;
}

export interface Mailer {
  /** Sends one message; throws when the server refuses it (the job then retries). */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** The directory of .eml files when SMTP_URL is unset. */
export const mailDir = (config: Pick<Config, 'DATA_DIR'>) => path.join(config.DATA_DIR, 'mail');

export function createMailer(config: Config, logger: Logger): Mailer {
  const from = config.MAIL_FROM;
  if (config.SMTP_URL) {
    const transport = nodemailer.createTransport(config.SMTP_URL);
    return {
      async send({ to, subject, text, html }) {
        await transport.sendMail({ from, to, subject, text, html });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const dir = mailDir(config);
  return {
    async send({ to, subject, text, html, link }) {
      const info = await transport.sendMail({ from, to, subject, text, html });
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(dir, `${stamp}-${randomBytes(4).toString('hex')}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      logger.info(
        { to, file, link },
        `mail "${subject}" written to ${file}${link ? `: ${link}` : ''}`,
      );
    },
    close: () => transport.close(),
  };
}
