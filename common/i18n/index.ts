import { ar } from './ar';
import { en, type PatientTexts } from './en';
import { es } from './es';

export type { PatientTexts };

/** The languages patients are served in, in the order screens offer them. Adding one: a file like ./en.ts, listed here. */
export const LANGUAGES = ['en', 'es', 'ar'] as const;
/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** The catalogue: every language's texts. */
export const CATALOGUE: Record<Language, PatientTexts> = { en, es, ar };

/** The texts of `language`. */
export function textsFor(language: Language): PatientTexts {
  return CATALOGUE[language];
}

/** True for a language the catalogue has (e.g. from `?lang=`). */
export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The language to serve: the first of `choices` the catalogue has (an explicit `?lang=`, a recorded language), then
 * the best of the browser's `Accept-Language` header (`ar-EG,ar;q=0.9,en;q=0.5` -> ar), then English.
 */
export function pickLanguage(choices: unknown[], acceptLanguage?: string | null): Language {
  for (const choice of choices) if (isLanguage(choice)) return choice;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1 };
    })
    .filter((entry) => entry.base && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find(isLanguage) ?? 'en';
}

/** 'rtl' for the languages written right to left. */
export function directionOf(language: Language): 'ltr' | 'rtl' {
  return CATALOGUE[language].dir;
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
