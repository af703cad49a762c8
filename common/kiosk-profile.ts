/**
 * Shapes of the kiosk profiles API (admins set them up at /api/kiosks; a kiosk reads its own with
 * GET /api/kiosks/:id/setup). A kiosk opened as `/kiosk?kiosk=<id>` follows its profile.
 */

import type { DepartmentSummary } from './api';

/** Languages a kiosk speaks, in the order its start screen offers them. */
export const KIOSK_LANGUAGES = ['en', 'es', 'ar'] as const;
export type KioskProfileLanguage = (typeof KIOSK_LANGUAGES)[number];

/** A kiosk profile as the admin API shows it. */
export interface KioskProfileView {
  id: number;
  name: string;
  /** The departments a walk-in may choose, in name order; empty means every active department. */
  departments: DepartmentSummary[];
  /** Offer "Print ticket" (off for a kiosk with no printer: the QR code and the phone page remain). */
  printing: boolean;
  /** The language the start screen returns to after each patient. */
  language: KioskProfileLanguage;
  /**
   * Phone check-in through this kiosk: the QR codes of displays and posters linked to this profile open a check-in
   * page offering its departments. Off: those codes are refused and the displays show none.
   */
  phoneCheckIn: boolean;
  /** Forbid zooming on the kiosk (the clinic's own hardware); off, patients may zoom (WCAG 1.4.4). */
  lockZoom: boolean;
  /** Where to point the kiosk's browser, relative to the server (e.g. `/kiosk?kiosk=3`). */
  address: string;
}

/** POST /api/kiosks (PATCH takes any subset). */
export interface KioskProfileInput {
  name: string;
  /** Empty or absent: every active department. */
  departmentIds?: number[];
  printing?: boolean;
  language?: KioskProfileLanguage;
  phoneCheckIn?: boolean;
  lockZoom?: boolean;
}

/** GET /api/kiosks/:id/setup (public): what the kiosk needs, nothing more. */
export interface KioskSetup {
  id: number;
  name: string;
  /** Ids of the departments offered; empty means every active department. */
  departmentIds: number[];
  printing: boolean;
  language: KioskProfileLanguage;
  lockZoom: boolean;
}
