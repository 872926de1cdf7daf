/**
 * What a notification says, in the recipient's language (the account's; English when it has
 * none). Names and event names are the users' own and are never translated. The type makes a
 * missing translation a compile error.
 */
import type { Language } from '@spotlight/contracts';

export interface NotificationTexts {
  matchRequest: (name: string) => string;
  matchAccepted: (name: string) => string;
  privateChatOpen: (eventName: string) => string;
  newMessage: (name: string) => string;
  openToRead: string;
  sendingVideo: (name: string) => string;
  tapToReceive: string;
  youFilm: (name: string) => string;
  heatIn: (minutes: number) => string;
  filmsYou: (heatLabel: string, name: string) => string;
}

/** Picks the plural form of `count` by the language's own rules (Polish has four). */
const plural = (
  language: Language,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>>,
) => forms[new Intl.PluralRules(language).select(count)] ?? forms.other!;

export const NOTIFICATION_TEXTS: Record<Language, NotificationTexts> = {
  en: {
    matchRequest: (name) => `${name} asks you to be recording partners`,
    matchAccepted: (name) => `${name} accepted your request`,
    privateChatOpen: (eventName) => `Your private chat for ${eventName} is open`,
    newMessage: (name) => `New message from ${name}`,
    openToRead: 'Open the chat to read it',
    sendingVideo: (name) => `${name} is sending you a video`,
    tapToReceive: 'Tap to receive it',
    youFilm: (name) => `You film ${name}`,
    heatIn: (minutes) =>
      plural('en', minutes, {
        one: `Your heat in ${minutes} minute`,
        other: `Your heat in ${minutes} minutes`,
      }),
    filmsYou: (heatLabel, name) => `${heatLabel}: ${name} films you`,
  },
  pl: {
    matchRequest: (name) => `${name} proponuje, żebyście się nagrywali`,
    matchAccepted: (name) => `${name} przyjmuje twoją prośbę`,
    privateChatOpen: (eventName) => `Wasz prywatny czat na ${eventName} jest otwarty`,
    newMessage: (name) => `Nowa wiadomość od ${name}`,
    openToRead: 'Otwórz czat, żeby przeczytać',
    sendingVideo: (name) => `${name} wysyła ci nagranie`,
    tapToReceive: 'Stuknij, żeby je odebrać',
    youFilm: (name) => `Nagrywasz: ${name}`,
    heatIn: (minutes) =>
      plural('pl', minutes, {
        one: `Twój heat za ${minutes} minutę`,
        few: `Twój heat za ${minutes} minuty`,
        many: `Twój heat za ${minutes} minut`,
        other: `Twój heat za ${minutes} minuty`,
      }),
    filmsYou: (heatLabel, name) => `${heatLabel}: nagrywa cię ${name}`,
  },
  fr: {
    matchRequest: (name) => `${name} vous propose de vous filmer mutuellement`,
    matchAccepted: (name) => `${name} a accepté votre demande`,
    privateChatOpen: (eventName) => `Votre discussion privée pour ${eventName} est ouverte`,
    newMessage: (name) => `Nouveau message de ${name}`,
    openToRead: 'Ouvrez la discussion pour le lire',
    sendingVideo: (name) => `${name} vous envoie une vidéo`,
    tapToReceive: 'Touchez pour la recevoir',
    youFilm: (name) => `Vous filmez ${name}`,
    heatIn: (minutes) =>
      plural('fr', minutes, {
        one: `Votre heat dans ${minutes} minute`,
        other: `Votre heat dans ${minutes} minutes`,
      }),
    filmsYou: (heatLabel, name) => `${heatLabel} : ${name} vous filme`,
  },
  es: {
    matchRequest: (name) => `${name} te propone grabaros mutuamente`,
    matchAccepted: (name) => `${name} ha aceptado tu solicitud`,
    privateChatOpen: (eventName) => `Vuestro chat privado de ${eventName} está abierto`,
    newMessage: (name) => `Nuevo mensaje de ${name}`,
    openToRead: 'Abre el chat para leerlo',
    sendingVideo: (name) => `${name} te está enviando un vídeo`,
    tapToReceive: 'Toca para recibirlo',
    youFilm: (name) => `Grabas a ${name}`,
    heatIn: (minutes) =>
      plural('es', minutes, {
        one: `Tu heat en ${minutes} minuto`,
        other: `Tu heat en ${minutes} minutos`,
      }),
    filmsYou: (heatLabel, name) => `${heatLabel}: te graba ${name}`,
  },
  de: {
    matchRequest: (name) => `${name} möchte, dass ihr euch gegenseitig filmt`,
    matchAccepted: (name) => `${name} hat deine Anfrage angenommen`,
    privateChatOpen: (eventName) => `Euer privater Chat für ${eventName} ist offen`,
    newMessage: (name) => `Neue Nachricht von ${name}`,
    openToRead: 'Öffne den Chat, um sie zu lesen',
    sendingVideo: (name) => `${name} schickt dir ein Video`,
    tapToReceive: 'Tippen, um es zu empfangen',
    youFilm: (name) => `Du filmst ${name}`,
    heatIn: (minutes) =>
      plural('de', minutes, {
        one: `Dein Heat in ${minutes} Minute`,
        other: `Dein Heat in ${minutes} Minuten`,
      }),
    filmsYou: (heatLabel, name) => `${heatLabel}: ${name} filmt dich`,
  },
};
