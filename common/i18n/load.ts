import type { PatientTexts } from './en';
import { isLanguage, type Language } from './languages';

/**
 * Each language's texts as a chunk of its own: a page downloads only the language it shows (about 4 KB gzipped
 * each), not the whole catalogue. `import()` of a literal path is what lets Vite split them.
 */
const LOADERS: Record<Language, () => Promise<PatientTexts>> = {
  en: () => import('./en').then((m) => m.en),
  es: () => import('./es').then((m) => m.es),
  ar: () => import('./ar').then((m) => m.ar),
};

const loaded = new Map<Language, Promise<PatientTexts>>();

/** The texts of `language` (English for anything unknown), fetched once per page and kept. */
export function loadTexts(language: string): Promise<PatientTexts> {
  const chosen: Language = isLanguage(language) ? language : 'en';
  let texts = loaded.get(chosen);
  if (!texts) {
    texts = LOADERS[chosen]();
    // A failed download (the network blinked) is tried again on the next call, not remembered.
    texts.catch(() => loaded.delete(chosen));
    loaded.set(chosen, texts);
  }
  return texts;
}
