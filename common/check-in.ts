/**
 * Shapes of phone check-in's API: the rotating code a display shows (GET /api/check-in-code) and the printed posters
 * admins make (/api/check-in-posters). A code may belong to a kiosk profile: the phone then checks in as that kiosk.
 */

/** GET /api/check-in-code[?kiosk=<id>]: the code to show now, or none when that kiosk profile has phone check-in off. */
export type CheckInCodeAnswer =
  | {
      available: true;
      code: string;
      /** The check-in page's full address (PUBLIC_BASE_URL/c/<code>), what the QR code holds. */
      url: string;
      /** The QR code image (SVG), relative to the server. */
      qr: string;
      expiresAt: string;
    }
  | { available: false };

/** A printed poster's check-in code as admins see it. */
export interface CheckInPosterView {
  id: number;
  label: string;
  /** The kiosk profile whose check-in it opens (its departments, its phone check-in switch); null: the whole clinic. */
  kiosk: { id: number; name: string; phoneCheckIn: boolean } | null;
  /** The last clinic day it works (YYYY-MM-DD); it stops at the end of that day in the clinic's zone. */
  validThrough: string;
  validUntil: string;
  revokedAt: string | null;
  /** `active`, `expired` (past its day) or `revoked`. */
  status: 'active' | 'expired' | 'revoked';
  /** The address its QR code holds (PUBLIC_BASE_URL/c/<code>). */
  url: string;
  /** The printable poster page, relative to the server. */
  printAddress: string;
  createdAt: string;
}

/** POST /api/check-in-posters */
export interface CheckInPosterInput {
  label: string;
  /** Null or absent: the clinic-wide check-in. */
  kioskProfileId?: number | null;
  /** The last clinic day the poster works, at most a year ahead. */
  validThrough: string;
}

/** Most days ahead a poster may be made for: a printed code that outlives a year is a code nobody remembers. */
export const MAX_POSTER_DAYS = 366;
