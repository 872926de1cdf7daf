/**
 * The account mails, each in plain text and HTML, in the recipient's language. User content is
 * escaped in the HTML.
 */
import type { Language } from '@spotlight/contracts';
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
  /** The account's language (English when it has none). */
  language: Language;
}

interface Texts {
  subject: string;
  lines: string[];
  action: string;
  footer: string;
}

/** Every mail in every language: the type makes a missing translation a compile error. */
interface Catalogue {
  greeting: (name: string) => string;
  verification: Texts;
  passwordReset: Texts;
  emailChange: (hours: number) => Texts;
  emailChangeNotice: (newEmail: string) => Texts;
}

const CATALOGUES: Record<Language, Catalogue> = {
  en: {
    greeting: (name) => `Hi ${name},`,
    verification: {
      subject: 'Confirm your e-mail address for spotlight.cam',
      lines: ['Please confirm that this is your e-mail address. The link is valid for 7 days.'],
      action: 'Confirm my e-mail address',
      footer: 'If you did not create a spotlight.cam account, ignore this mail.',
    },
    passwordReset: {
      subject: 'Reset your spotlight.cam password',
      lines: [
        'Someone asked to reset the password of your spotlight.cam account.',
        'The link is valid for 1 hour and works once. Setting a new password signs out every device.',
      ],
      action: 'Choose a new password',
      footer: 'If it was not you, ignore this mail: your password stays as it is.',
    },
    emailChange: (hours) => ({
      subject: 'Confirm your new e-mail address for spotlight.cam',
      lines: [
        'You asked to sign in to spotlight.cam with this address from now on.',
        `The link is valid for ${hours} hours and works once. Until you open it, your account keeps its old address.`,
      ],
      action: 'Use this e-mail address',
      footer: 'If you did not ask for this, ignore this mail: nothing changes.',
    }),
    emailChangeNotice: (newEmail) => ({
      subject: 'Your spotlight.cam e-mail address is being changed',
      lines: [
        `Someone signed in to your account asked to change its e-mail address to ${newEmail}.`,
        'The change happens only when the link sent to that address is opened.',
        'If this was not you, reset your password now: that cancels the change and signs out every device.',
      ],
      action: 'Reset my password',
      footer: 'If it was you, there is nothing to do here.',
    }),
  },
  pl: {
    greeting: (name) => `Cześć ${name},`,
    verification: {
      subject: 'Potwierdź swój adres e-mail w spotlight.cam',
      lines: ['Potwierdź, że to twój adres e-mail. Link jest ważny przez 7 dni.'],
      action: 'Potwierdzam adres e-mail',
      footer: 'Jeśli to nie ty zakładasz konto w spotlight.cam, zignoruj tę wiadomość.',
    },
    passwordReset: {
      subject: 'Zresetuj hasło do spotlight.cam',
      lines: [
        'Ktoś poprosił o zresetowanie hasła do twojego konta w spotlight.cam.',
        'Link jest ważny przez godzinę i działa jeden raz. Nowe hasło wyloguje cię na wszystkich urządzeniach.',
      ],
      action: 'Ustaw nowe hasło',
      footer: 'Jeśli to nie ty, zignoruj tę wiadomość: hasło pozostanie bez zmian.',
    },
    emailChange: (hours) => ({
      subject: 'Potwierdź nowy adres e-mail w spotlight.cam',
      lines: [
        'Ktoś poprosił, żeby od teraz logować się do spotlight.cam tym adresem.',
        `Link jest ważny przez ${hours} godz. i działa jeden raz. Dopóki go nie otworzysz, konto zachowuje stary adres.`,
      ],
      action: 'Używaj tego adresu',
      footer: 'Jeśli to nie ty, zignoruj tę wiadomość: nic się nie zmieni.',
    }),
    emailChangeNotice: (newEmail) => ({
      subject: 'Adres e-mail twojego konta spotlight.cam jest zmieniany',
      lines: [
        `Ktoś zalogowany na twoje konto poprosił o zmianę adresu e-mail na ${newEmail}.`,
        'Zmiana nastąpi dopiero po otwarciu linku wysłanego na tamten adres.',
        'Jeśli to nie ty, zresetuj teraz hasło: to anuluje zmianę i wyloguje wszystkie urządzenia.',
      ],
      action: 'Zresetuj hasło',
      footer: 'Jeśli to ty, nie musisz nic robić.',
    }),
  },
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    verification: {
      subject: 'Confirmez votre adresse e-mail pour spotlight.cam',
      lines: [
        'Merci de confirmer que cette adresse e-mail est bien la vôtre. Le lien est valable 7 jours.',
      ],
      action: 'Confirmer mon adresse e-mail',
      footer: 'Si vous n’avez pas créé de compte spotlight.cam, ignorez ce message.',
    },
    passwordReset: {
      subject: 'Réinitialisez votre mot de passe spotlight.cam',
      lines: [
        'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte spotlight.cam.',
        'Le lien est valable 1 heure et ne sert qu’une fois. Un nouveau mot de passe déconnecte tous vos appareils.',
      ],
      action: 'Choisir un nouveau mot de passe',
      footer: 'Si ce n’était pas vous, ignorez ce message : votre mot de passe ne change pas.',
    },
    emailChange: (hours) => ({
      subject: 'Confirmez votre nouvelle adresse e-mail pour spotlight.cam',
      lines: [
        'Vous avez demandé à vous connecter désormais à spotlight.cam avec cette adresse.',
        `Le lien est valable ${hours} heures et ne sert qu’une fois. Tant que vous ne l’ouvrez pas, votre compte garde son ancienne adresse.`,
      ],
      action: 'Utiliser cette adresse',
      footer: 'Si vous n’avez rien demandé, ignorez ce message : rien ne change.',
    }),
    emailChangeNotice: (newEmail) => ({
      subject: 'L’adresse e-mail de votre compte spotlight.cam va changer',
      lines: [
        `Une personne connectée à votre compte a demandé à changer son adresse e-mail pour ${newEmail}.`,
        'Le changement n’a lieu que si le lien envoyé à cette adresse est ouvert.',
        'Si ce n’était pas vous, réinitialisez votre mot de passe maintenant : cela annule le changement et déconnecte tous vos appareils.',
      ],
      action: 'Réinitialiser mon mot de passe',
      footer: 'Si c’était vous, vous n’avez rien à faire.',
    }),
  },
  es: {
    greeting: (name) => `Hola, ${name}:`,
    verification: {
      subject: 'Confirma tu dirección de correo en spotlight.cam',
      lines: ['Confirma que esta es tu dirección de correo. El enlace es válido durante 7 días.'],
      action: 'Confirmar mi correo',
      footer: 'Si no has creado una cuenta en spotlight.cam, ignora este mensaje.',
    },
    passwordReset: {
      subject: 'Restablece tu contraseña de spotlight.cam',
      lines: [
        'Alguien ha pedido restablecer la contraseña de tu cuenta de spotlight.cam.',
        'El enlace es válido durante 1 hora y funciona una sola vez. Al poner una contraseña nueva se cierra la sesión en todos tus dispositivos.',
      ],
      action: 'Elegir una contraseña nueva',
      footer: 'Si no has sido tú, ignora este mensaje: tu contraseña no cambia.',
    },
    emailChange: (hours) => ({
      subject: 'Confirma tu nueva dirección de correo en spotlight.cam',
      lines: [
        'Has pedido entrar en spotlight.cam con esta dirección a partir de ahora.',
        `El enlace es válido durante ${hours} horas y funciona una sola vez. Hasta que lo abras, tu cuenta conserva la dirección anterior.`,
      ],
      action: 'Usar esta dirección',
      footer: 'Si no lo has pedido tú, ignora este mensaje: no cambia nada.',
    }),
    emailChangeNotice: (newEmail) => ({
      subject: 'Se está cambiando el correo de tu cuenta de spotlight.cam',
      lines: [
        `Alguien con sesión en tu cuenta ha pedido cambiar su correo a ${newEmail}.`,
        'El cambio solo se hace cuando se abre el enlace enviado a esa dirección.',
        'Si no has sido tú, restablece tu contraseña ahora: así se cancela el cambio y se cierra la sesión en todos los dispositivos.',
      ],
      action: 'Restablecer mi contraseña',
      footer: 'Si has sido tú, no tienes que hacer nada.',
    }),
  },
  de: {
    greeting: (name) => `Hallo ${name},`,
    verification: {
      subject: 'Bestätige deine E-Mail-Adresse für spotlight.cam',
      lines: ['Bitte bestätige, dass das deine E-Mail-Adresse ist. Der Link ist 7 Tage gültig.'],
      action: 'E-Mail-Adresse bestätigen',
      footer: 'Wenn du kein Konto bei spotlight.cam angelegt hast, ignoriere diese Mail.',
    },
    passwordReset: {
      subject: 'Setze dein spotlight.cam-Passwort zurück',
      lines: [
        'Jemand möchte das Passwort deines spotlight.cam-Kontos zurücksetzen.',
        'Der Link ist 1 Stunde gültig und funktioniert einmal. Ein neues Passwort meldet dich auf allen Geräten ab.',
      ],
      action: 'Neues Passwort wählen',
      footer: 'Wenn du das nicht warst, ignoriere diese Mail: dein Passwort bleibt, wie es ist.',
    },
    emailChange: (hours) => ({
      subject: 'Bestätige deine neue E-Mail-Adresse für spotlight.cam',
      lines: [
        'Du möchtest dich ab jetzt mit dieser Adresse bei spotlight.cam anmelden.',
        `Der Link ist ${hours} Stunden gültig und funktioniert einmal. Bis du ihn öffnest, behält dein Konto die alte Adresse.`,
      ],
      action: 'Diese Adresse verwenden',
      footer: 'Wenn du das nicht wolltest, ignoriere diese Mail: es ändert sich nichts.',
    }),
    emailChangeNotice: (newEmail) => ({
      subject: 'Die E-Mail-Adresse deines spotlight.cam-Kontos wird geändert',
      lines: [
        `Jemand, der in deinem Konto angemeldet ist, möchte die E-Mail-Adresse auf ${newEmail} ändern.`,
        'Die Änderung erfolgt erst, wenn der an diese Adresse gesendete Link geöffnet wird.',
        'Wenn du das nicht warst, setze jetzt dein Passwort zurück: das bricht die Änderung ab und meldet alle Geräte ab.',
      ],
      action: 'Passwort zurücksetzen',
      footer: 'Wenn du es warst, musst du nichts tun.',
    }),
  },
};

const mail = (to: Recipient, link: string, texts: Texts) =>
  render(to.email, texts.subject, {
    greeting: CATALOGUES[to.language].greeting(to.name),
    lines: texts.lines,
    action: texts.action,
    link,
    footer: texts.footer,
  });

export const verificationMail = (to: Recipient, link: string) =>
  mail(to, link, CATALOGUES[to.language].verification);

export const passwordResetMail = (to: Recipient, link: string) =>
  mail(to, link, CATALOGUES[to.language].passwordReset);

export const emailChangeMail = (to: Recipient, link: string, hours: number) =>
  mail(to, link, CATALOGUES[to.language].emailChange(hours));

/** To the address being replaced: the owner hears of the change before it can happen. */
export const emailChangeNotice = (to: Recipient, newEmail: string, link: string) =>
  mail(to, link, CATALOGUES[to.language].emailChangeNotice(newEmail));
