/**
 * A real SMTP server on 127.0.0.1 for tests (smtp-server), with a login, that parses every
 * mail it accepts (mailparser) and hands them out by recipient.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export const SMTP_USER = 'mailer';
export const SMTP_PASS = 'mailer-secret';

export interface TestMailServer {
  /** `smtp://user:pass@127.0.0.1:port`, for SMTP_URL. */
  url: string;
  /** The next mail to `to` that has not been taken yet; waits for it (with a ceiling). */
  next(to: string): Promise<ParsedMail>;
  /** Every mail received so far. */
  received: ParsedMail[];
  close(): Promise<void>;
}

const WAIT_MS = 20_000;

export async function startMailServer(): Promise<TestMailServer> {
  const received: ParsedMail[] = [];
  const taken = new Set<ParsedMail>();
  const waiters: { to: string; resolve: (mail: ParsedMail) => void }[] = [];
  const recipientOf = (mail: ParsedMail) => {
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    return to?.value[0]?.address?.toLowerCase() ?? '';
  };
  const deliver = (mail: ParsedMail) => {
    received.push(mail);
    const index = waiters.findIndex((w) => w.to === recipientOf(mail));
    if (index === -1) return;
    const [waiter] = waiters.splice(index, 1);
    taken.add(mail);
    waiter!.resolve(mail);
  };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) {
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          deliver(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`,
    received,
    next(to) {
      const wanted = to.toLowerCase();
      const ready = received.find((mail) => !taken.has(mail) && recipientOf(mail) === wanted);
      if (ready) {
        taken.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to}`)), WAIT_MS);
        waiters.push({
          to: wanted,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first link in a mail's text that opens `path`. */
export function tokenFrom(mail: ParsedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}\\?token=([A-Za-z0-9_-]+)`).exec(
    mail.text ?? '',
  );
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[1]!;
}
