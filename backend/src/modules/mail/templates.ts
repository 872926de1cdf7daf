/** The account mails, each in plain text and HTML. User content is escaped in the HTML. */
import type { MailMessage } from './transport';

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

interface Parts {
  greeting: string;
  lines: string[];
  action: string;
  link: string;
  footer: string;
}

function render(to: string, subject: string, parts: Parts): MailMessage {
  const text = [
    parts.greeting,
    '',
    ...parts.lines,
    '',
    `${parts.action}: ${parts.link}`,
    '',
    parts.footer,
  ].join('\n');
  const html = `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<p>${escapeHtml(parts.greeting)}</p>
${parts.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p><a href="${escapeHtml(parts.link)}">${escapeHtml(parts.action)}</a></p>
<p style="color: #666; font-size: small">${escapeHtml(parts.footer)}</p>
</body></html>`;
  return { to, subject, text, html, link: parts.link };
}

export interface Recipient {
  email: string;
  /** Display name, else username. */
  name: string;
}

export const verificationMail = (to: Recipient, link: string) =>
  render(to.email, 'Confirm your e-mail address for spotlight.cam', {
    greeting: `Hi ${to.name},`,
    lines: ['Please confirm that this is your e-mail address. The link is valid for 7 days.'],
    action: 'Confirm my e-mail address',
    link,
    footer: 'If you did not create a spotlight.cam account, ignore this mail.',
  });

export const passwordResetMail = (to: Recipient, link: string) =>
  render(to.email, 'Reset your spotlight.cam password', {
    greeting: `Hi ${to.name},`,
    lines: [
      'Someone asked to reset the password of your spotlight.cam account.',
      'The link is valid for 1 hour and works once. Setting a new password signs out every device.',
    ],
    action: 'Choose a new password',
    link,
    footer: 'If it was not you, ignore this mail: your password stays as it is.',
  });
