/**
 * Shapes of the waiting-room display's REST API (display profiles and the display's setup), shared by the server's
 * presenters and the display page. Kept apart from api.ts so the display can be worked on without touching it.
 */

import type { DepartmentSummary } from './api';
import type { Channel } from './protocol';

/** Languages a display can speak and write: English plus the kiosk's languages. */
export const DISPLAY_LANGUAGES = ['en', 'ar', 'es'] as const;
export type DisplayLanguage = (typeof DISPLAY_LANGUAGES)[number];

/** Colour themes; dark is the default because it reads best in a dim waiting room and does not glare. */
export const DISPLAY_THEMES = ['dark', 'light'] as const;
export type DisplayTheme = (typeof DISPLAY_THEMES)[number];

/** Most departments one display profile may cover (the channel name that carries their ids has 64 characters). */
export const MAX_DISPLAY_DEPARTMENTS = 12;

/** A display profile as the API shows it. */
export interface DisplayProfileView {
  id: number;
  name: string;
  /** Used in the display's address: `/display?profile=<slug>`. */
  slug: string;
  /** The departments shown, in name order; empty means every active department. */
  departments: DepartmentSummary[];
  language: DisplayLanguage;
  /** Announce calls aloud (after the chime). Off: the chime only. */
  voice: boolean;
  theme: DisplayTheme;
  /**
   * The kiosk profile whose phone check-in the screen's QR code opens (its departments, its phone check-in switch);
   * null for the clinic-wide check-in (every department).
   */
  checkInKioskId: number | null;
  /** Where to point the TV's browser, relative to the server (e.g. `/display?profile=main-hall`). */
  address: string;
}

/** POST /api/displays (PATCH takes any subset). */
export interface DisplayProfileInput {
  name: string;
  /** Defaults to one made from the name. */
  slug?: string;
  /** Empty or absent: every active department. */
  departmentIds?: number[];
  language?: DisplayLanguage;
  voice?: boolean;
  theme?: DisplayTheme;
  checkInKioskId?: number | null;
}

/**
 * GET /api/displays/setup: everything a display page needs before it subscribes, resolved from its address
 * (`?profile=<id or slug>`, or `?departments=C,D` by token prefix, or nothing for every department).
 */
export interface DisplaySetup {
  /** The profile the address named, or null. */
  profile: DisplayProfileView | null;
  /** The departments shown; empty means every active department. */
  departments: DepartmentSummary[];
  /** The channel to subscribe to: `display:all` or `display:<id>,<id>` (ids ascending). */
  channel: Channel;
  language: DisplayLanguage;
  voice: boolean;
  theme: DisplayTheme;
  /** The kiosk profile for the phone check-in QR code (GET /api/check-in-code?kiosk=<id>); null: clinic-wide. */
  checkInKioskId: number | null;
}
