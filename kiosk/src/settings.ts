import { isLanguage, type KioskLanguage } from './i18n';

/** How a kiosk is set up, from its address (e.g. `/kiosk?lang=es&ticket-seconds=45`), plus an
 * optional kiosk profile on the server (`kiosk=<id>`) for its departments, printing and language. */
export interface KioskSettings {
  /** The language the start screen comes back to after each patient. */
  language: KioskLanguage;
  /** True when the address chose the language (`lang=`), which then wins over the kiosk profile's. */
  languageSet: boolean;
  /** The kiosk profile to follow (`kiosk=<id>`), or null for none. */
  profile: string | null;
  /** How long the ticket screen stays before returning to the start. */
  ticketSeconds: number;
  /** How long a half-finished check-in waits for a touch before returning to the start (the last 10 s counted down). */
  idleSeconds: number;
  /** How long "Printing… please take your ticket" stays up. */
  printedSeconds: number;
  /** Forbid zooming (`lock-zoom=1`): for the clinic's own kiosk hardware, where a stray pinch would stay zoomed. */
  lockZoom: boolean;
}

/** Reads the settings from a query string, keeping the defaults for anything missing or out of range. */
export function readSettings(search: string = location.search): KioskSettings {
  const params = new URLSearchParams(search);
  const seconds = (name: string, fallback: number, min: number) => {
    const value = Number(params.get(name));
    return params.has(name) && Number.isFinite(value) && value >= min && value <= 600 ? value : fallback;
  };
  const language = params.get('lang');
  return {
    language: isLanguage(language) ? language : 'en',
    languageSet: isLanguage(language),
    profile: params.get('kiosk'),
    ticketSeconds: seconds('ticket-seconds', 30, 1),
    idleSeconds: seconds('idle-seconds', 90, 1),
    printedSeconds: seconds('printed-seconds', 5, 1),
    lockZoom: ['1', 'true', 'yes'].includes(params.get('lock-zoom') ?? ''),
  };
}
