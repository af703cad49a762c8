import type { PatientTexts } from '../../common/i18n/en';
import { loadTexts } from '../../common/i18n/load';

/**
 * Every fixed text on the display, and how it words an announcement, in one language: the catalogue's `display`
 * section (common/i18n) plus the language's direction and its word for "Room".
 */
export type DisplayTexts = PatientTexts['display'] & { dir: 'ltr' | 'rtl'; room: string };

/**
 * The display's texts in `language` (English for anything unknown). Only that language is downloaded: the display
 * carries no other's texts, which keeps it within its script budget.
 */
export async function textsFor(language: string): Promise<DisplayTexts> {
  const texts = await loadTexts(language);
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
