import type { DisplayLanguage } from '../../common/display';

/** Every fixed text on the display, and how it words an announcement, in one language. */
export interface DisplayTexts {
  /** BCP 47 tag for the page, the clock and speech (`undefined`: the device's own, for English). */
  locale: string | undefined;
  speechLang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  nowCalling: string;
  pleaseGoTo: string;
  rooms: string;
  free: string;
  next: string;
  waiting: (count: number) => string;
  noneWaiting: string;
  recent: string;
  noRecent: string;
  idle: string;
  idleHint: string;
  footer: string;
  enableSound: string;
  reconnecting: string;
  /** The word that replaces "Room" in room labels such as "Room 3". */
  room: string;
  /** The spoken announcement; `token` is already spelled out ("C 0 1 4"). */
  say: (token: string, room: string) => string;
}

const en: DisplayTexts = {
  locale: undefined,
  speechLang: 'en',
  dir: 'ltr',
  title: 'Waiting room',
  nowCalling: 'Now calling',
  pleaseGoTo: 'Please go to',
  rooms: 'Rooms',
  free: 'Free',
  next: 'Next',
  waiting: (n) => `${n} waiting`,
  noneWaiting: 'No one waiting',
  recent: 'Recently called',
  noRecent: 'Called numbers will be listed here.',
  idle: 'No one is being called right now.',
  idleHint: 'Please keep your ticket ready. Your number will appear here and be announced.',
  footer: 'Please listen for your number and go to the room shown.',
  enableSound: 'Tap to enable sound',
  reconnecting: 'Reconnecting…',
  room: 'Room',
  say: (token, room) => `Token ${token}, please go to ${room}`,
};

const es: DisplayTexts = {
  locale: 'es',
  speechLang: 'es',
  dir: 'ltr',
  title: 'Sala de espera',
  nowCalling: 'Llamando',
  pleaseGoTo: 'Pase a',
  rooms: 'Consultas',
  free: 'Libre',
  next: 'Siguientes',
  waiting: (n) => `${n} en espera`,
  noneWaiting: 'Nadie en espera',
  recent: 'Llamados recientes',
  noRecent: 'Aquí aparecerán los números llamados.',
  idle: 'No se está llamando a nadie en este momento.',
  idleHint: 'Tenga su ticket a mano. Su número aparecerá aquí y se anunciará.',
  footer: 'Escuche su número y diríjase a la sala indicada.',
  enableSound: 'Toque para activar el sonido',
  reconnecting: 'Reconectando…',
  room: 'Sala',
  say: (token, room) => `Turno ${token}, por favor pase a ${room}`,
};

const ar: DisplayTexts = {
  // Latin digits, as on the tickets, so a token reads the same on the ticket and on the screen.
  locale: 'ar-u-nu-latn',
  speechLang: 'ar',
  dir: 'rtl',
  title: 'غرفة الانتظار',
  nowCalling: 'النداء الآن',
  pleaseGoTo: 'يرجى التوجه إلى',
  rooms: 'الغرف',
  free: 'متاحة',
  next: 'التالي',
  waiting: (n) => `${n} في الانتظار`,
  noneWaiting: 'لا أحد في الانتظار',
  recent: 'تم النداء مؤخرًا',
  noRecent: 'ستظهر هنا الأرقام التي تم النداء عليها.',
  idle: 'لا يوجد نداء في الوقت الحالي.',
  idleHint: 'يرجى تجهيز تذكرتك. سيظهر رقمك هنا وسيتم النداء عليه.',
  footer: 'يرجى الاستماع إلى رقمك والتوجه إلى الغرفة المعروضة.',
  enableSound: 'اضغط لتفعيل الصوت',
  reconnecting: 'جارٍ إعادة الاتصال…',
  room: 'الغرفة',
  say: (token, room) => `الرقم ${token}، يرجى التوجه إلى ${room}`,
};

const TEXTS: Record<DisplayLanguage, DisplayTexts> = { en, es, ar };

/** The display's texts in `language` (English for anything unknown). */
export function textsFor(language: string): DisplayTexts {
  return TEXTS[language as DisplayLanguage] ?? en;
}

/** A room label in the display's language: "Room 3" becomes "Sala 3"; other labels are shown as they are. */
export function localRoom(texts: DisplayTexts, room: string): string {
  const match = /^room\s+(.+)$/i.exec(room);
  return match ? `${texts.room} ${match[1]}` : room;
}

/** A token as it should be spoken, character by character: "C-014" -> "C 0 1 4" (never "fourteen"). */
export function spellToken(token: string): string {
  return [...token.replace(/-/g, '')].join(' ');
}

/** The full announcement of a call: "Token C 0 1 4, please go to Room 3". */
export function announcement(texts: DisplayTexts, token: string, room: string): string {
  return texts.say(spellToken(token), localRoom(texts, room));
}
