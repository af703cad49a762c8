import { dayInZone, formatTime, formatWeekday, formatWeekdayDate } from '../../common/clinic-format';
import type { ApiError } from '../../common/web/api';
import { textsFor, type KioskLanguage, type KioskTexts } from './i18n';

/** Errors whose server message is written for developers (it names fields or the request), never shown as is. */
const DEVELOPER_ERRORS = new Set(['validation_failed', 'malformed_request', 'payload_too_large', 'internal_error', 'invalid_reference']);

/**
 * One language on the kiosk: its texts, and dates and times written in it, in the clinic's time zone (a kiosk's own
 * clock zone may be anything). Handed to every screen as one property, so a language change re-renders them all.
 */
export class KioskLocale {
  readonly t: KioskTexts;

  constructor(
    readonly language: KioskLanguage,
    /** The clinic's IANA zone; undefined until /api/clinic has answered (the device's zone meanwhile). */
    readonly timeZone: string | undefined,
    /** Departments' names in other languages, by department id (GET /api/department-labels). */
    readonly labels: Record<number, Record<string, string>> = {},
  ) {
    this.t = textsFor(language);
  }

  get dir(): 'ltr' | 'rtl' {
    return this.t.dir;
  }

  /** "14:30" */
  time(iso: string): string {
    return formatTime(iso, this.timeZone, this.t.locale);
  }

  /** "Tuesday 8 December" */
  date(iso: string): string {
    return formatWeekdayDate(iso, this.timeZone, this.t.locale);
  }

  /** "today at 14:00", "tomorrow at 09:00" or "Monday at 08:00", by the clinic's calendar. */
  when(iso: string, now: Date = new Date()): string {
    const day = (d: Date) => dayInZone(d, this.timeZone);
    const target = day(new Date(iso));
    const time = this.time(iso);
    if (target === day(now)) return this.t.when.today(time);
    if (target === day(new Date(now.getTime() + 86_400_000))) return this.t.when.tomorrow(time);
    return this.t.when.on(formatWeekday(iso, this.timeZone, this.t.locale), time);
  }

  /** A department's name in this language: the label an admin gave, else its own name. */
  department(department: { id: number; name: string }): string {
    return this.labels[department.id]?.[this.language] || department.name;
  }

  /** "Room 3" in this language ("Sala 3", "الغرفة 3"); other room names as they are. */
  room(room: string): string {
    return room.replace(/^Room\b/, this.t.room);
  }

  /**
   * A failed request in words a patient understands, in this language: in English the server's words for refusals
   * written for patients (a wrong code, too early, another day), else the kiosk's own text for the error's id, else
   * a plain "ask at the desk". Never a field name: validation and server faults have their own texts.
   */
  error(error: ApiError): string {
    if (this.language === 'en' && error.status >= 400 && error.status < 500 && !DEVELOPER_ERRORS.has(error.id)) return error.message;
    return this.t.errors[error.id] ?? this.t.errors.generic;
  }
}
