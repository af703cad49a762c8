import { isLanguage, LANGUAGES, textsFor, type Language, type PatientTexts } from '../../../common/i18n';

/** The kiosk reads the patient catalogue (common/i18n); its own sections are the top-level ones. */
export type KioskTexts = PatientTexts;
/** A language the kiosk speaks: every language of the catalogue. */
export type KioskLanguage = Language;

export { isLanguage, LANGUAGES, textsFor };
