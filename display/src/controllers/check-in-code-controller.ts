import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CheckInCodeAnswer } from '../../../common/check-in';

/** The phone check-in code on screen, as GET /api/check-in-code answers it. */
export type CheckInCode = Extract<CheckInCodeAnswer, { available: true }>;

/** A fresh code every minute; each lasts five, so the one on screen always works when scanned. */
const REFRESH_MS = 60_000;

/**
 * Keeps the display's phone check-in code fresh: fetched when the display starts and every minute after, while the
 * host is on the page, for the kiosk profile `kiosk()` names (null: the clinic's check-in). A failed fetch keeps the
 * last code until it expires, then shows none; a kiosk with phone check-in off gets none at once.
 */
export class CheckInCodeController implements ReactiveController {
  current: CheckInCode | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly kiosk: () => number | null = () => null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }

  /** Fetches a code now (also when the kiosk profile changed). */
  async refresh(): Promise<void> {
    const kiosk = this.kiosk();
    try {
      const res = await fetch(`/api/check-in-code${kiosk ? `?kiosk=${kiosk}` : ''}`, { cache: 'no-store' });
      if (res.ok) {
        const answer = (await res.json()) as CheckInCodeAnswer;
        this.current = answer.available ? answer : null;
      }
    } catch {
      // Offline: the code on screen stays until it expires; the connection banner says the rest.
    }
    if (this.current && new Date(this.current.expiresAt) <= new Date()) this.current = null;
    this.host.requestUpdate();
  }
}
