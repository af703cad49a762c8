import type { ApiError } from '../../common/web/api';
import type { PatientTexts } from '../../common/i18n/en';
import { pickLanguage, type Language } from '../../common/i18n/languages';
import { formatDay } from '../../common/web/dates';

/** Errors whose server message is written for developers (it names fields or the request), never shown as is. */
const DEVELOPER_ERRORS = new Set(['validation_failed', 'malformed_request', 'payload_too_large', 'internal_error', 'invalid_reference', 'not_found']);

/**
 * The booking page's language: `?lang=` when it names one of ours, else the browser's preferred languages, else
 * English. Gives the texts, days written in that language, department names, and every refusal in plain words.
 */
export class BookLocale {
  readonly t: PatientTexts['book'];
  readonly texts: PatientTexts;

  constructor(
    readonly language: Language,
    /** That language's texts, downloaded on their own (common/i18n/load.ts). */
    texts: PatientTexts,
    /** Departments' names in other languages, by department id. */
    readonly labels: Record<number, Record<string, string>> = {},
  ) {
    this.texts = texts;
    this.t = this.texts.book;
  }

  /** The language this page was opened for. */
  static fromPage(search = location.search, languages: readonly string[] = navigator.languages): Language {
    const asked = new URLSearchParams(search).get('lang');
    return pickLanguage([asked], languages.join(','));
  }

  /** 'Monday 1 December' (or short 'Mon 1 Dec', or long with the year) in this language. */
  day(day: string, style: 'long' | 'medium' | 'short' = 'medium'): string {
    return formatDay(day, style, this.texts.locale);
  }

  /** A department's name in this language. */
  department(department: { id: number; name: string }): string {
    return this.labels[department.id]?.[this.language] || department.name;
  }

  /** "Room 3" in this language ("Sala 3"); other room names as they are. */
  room(room: string): string {
    return room.replace(/^Room\b/, this.texts.room);
  }

  /** A refusal in words a patient understands: ours for the id; in English the server's for patient-worded ones. */
  error(error: ApiError): string {
    if (error.status === 0) return this.t.errors.unreachable;
    const own = this.t.errors[error.id];
    if (own) return own;
    if (this.language === 'en' && error.status >= 400 && error.status < 500 && !DEVELOPER_ERRORS.has(error.id)) return error.message;
    return this.t.errors.generic;
  }

  /** A field's refusal in plain words (never the field's name). */
  field(path: string): string {
    return this.t.fields[path] ?? this.t.errors.validation_failed;
  }
}
