/**
 * The patient languages and how to choose one, without any of their texts: small enough for every bundle. The texts
 * are in one file per language (./en.ts is the shape); servers read them all (./index.ts), browsers load only the
 * one they need (./load.ts). Adding a language: its file, its code here, and the compiler asks for it in the two
 * maps (CATALOGUE in ./index.ts, LOADERS in ./load.ts).
 */

/** The languages patients are served in, in the order screens offer them. */
export const LANGUAGES = ['en', 'es', 'ar'] as const;
/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** Each language's own name and writing direction (the catalogue files say the same; a test holds them together). */
export const LANGUAGE_INFO: Record<Language, { name: string; english: string; dir: 'ltr' | 'rtl' }> = {
  en: { name: 'English', english: 'English', dir: 'ltr' },
  es: { name: 'Español', english: 'Spanish', dir: 'ltr' },
  ar: { name: 'العربية', english: 'Arabic', dir: 'rtl' },
};

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
  return LANGUAGE_INFO[language].dir;
}
