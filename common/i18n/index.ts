import { ar } from './ar';
import { en, type PatientTexts } from './en';
import { es } from './es';
import type { Language } from './languages';

export type { PatientTexts };

export { LANGUAGES, LANGUAGE_INFO, directionOf, isLanguage, pickLanguage, type Language } from './languages';

/** The catalogue: every language's texts (for the server; browsers load one language with ./load.ts). */
export const CATALOGUE: Record<Language, PatientTexts> = { en, es, ar };

/** The texts of `language`. */
export function textsFor(language: Language): PatientTexts {
  return CATALOGUE[language];
}

/**
 * The keys one language has and another lacks, as dotted paths (`book.errors.slot_taken`): the catalogue test
 * holds every language to English with it.
 */
export function missingKeys(reference: object, other: object, prefix = ''): string[] {
  const missing: string[] = [];
  for (const [key, value] of Object.entries(reference)) {
    const path = prefix + key;
    const theirs = (other as Record<string, unknown>)[key];
    if (!(key in other) || theirs === '') missing.push(path);
    else if (value && typeof value === 'object' && typeof theirs === 'object') missing.push(...missingKeys(value, theirs as object, `${path}.`));
    else if (typeof value !== typeof theirs && value !== undefined && theirs !== undefined) missing.push(`${path} (a ${typeof value} in English)`);
  }
  return missing;
}
