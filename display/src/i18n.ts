import { CATALOGUE, isLanguage, type PatientTexts } from '../../common/i18n';

/**
 * Every fixed text on the display, and how it words an announcement, in one language: the catalogue's `display`
 * section (common/i18n) plus the language's direction and its word for "Room".
 */
export type DisplayTexts = PatientTexts['display'] & { dir: 'ltr' | 'rtl'; room: string };

/** The display's texts in `language` (English for anything unknown). */
export function textsFor(language: string): DisplayTexts {
  const texts = CATALOGUE[isLanguage(language) ? language : 'en'];
  return { ...texts.display, dir: texts.dir, room: texts.room };
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
