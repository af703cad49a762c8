import { ar } from './ar';
import { en, type KioskTexts } from './en';
import { es } from './es';

export type { KioskTexts };

/** The kiosk's languages, in the order the start screen offers them. */
export const LANGUAGES = ['en', 'es', 'ar'] as const;
export type KioskLanguage = (typeof LANGUAGES)[number];

const TEXTS: Record<KioskLanguage, KioskTexts> = { en, es, ar };

/** The texts of `language`. */
export function textsFor(language: KioskLanguage): KioskTexts {
  return TEXTS[language];
}

/** True for a language the kiosk speaks (e.g. from `?lang=`). */
export function isLanguage(value: unknown): value is KioskLanguage {
  return (LANGUAGES as readonly unknown[]).includes(value);
}
