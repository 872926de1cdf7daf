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

export const emailChangeMail = (to: Recipient, link: string, hours: number) =>
  render(to.email, 'Confirm your new e-mail address for spotlight.cam', {
    greeting: `Hi ${to.name},`,
    lines: [
      'You asked to sign in to spotlight.cam with this address from now on.',
      `The link is valid for ${hours} hours and works once. Until you open it, your account keeps its old address.`,
    ],
    action: 'Use this e-mail address',
    link,
    footer: 'If you did not ask for this, ignore this mail: nothing changes.',
  });

/** To the address being replaced: the owner hears of the change before it can happen. */
export const emailChangeNotice = (to: Recipient, newEmail: string, link: string) =>
  render(to.email, 'Your spotlight.cam e-mail address is being changed', {
    greeting: `Hi ${to.name},`,
    lines: [
      `Someone signed in to your account asked to change its e-mail address to ${newEmail}.`,
      'The change happens only when the link sent to that address is opened.',
      'If this was not you, reset your password now: that cancels the change and signs out every device.',
    ],
    action: 'Reset my password',
    link,
    footer: 'If it was you, there is nothing to do here.',
  });
