import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The clinic's current phone check-in code, as GET /api/check-in-code answers. */
export interface CheckInCode {
  code: string;
  url: string;
  qr: string;
  expiresAt: string;
}

/** A fresh code every minute; each lasts five, so the one on screen always works when scanned. */
const REFRESH_MS = 60_000;

/**
 * Keeps the display's phone check-in code fresh: fetched when the display starts and every minute after, while the
 * host is on the page. A failed fetch keeps the last code until it expires, then shows none.
 */
export class CheckInCodeController implements ReactiveController {
  current: CheckInCode | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }

  private async refresh(): Promise<void> {
    try {
      const res = await fetch('/api/check-in-code', { cache: 'no-store' });
      if (res.ok) this.current = (await res.json()) as CheckInCode;
    } catch {
      // Offline: the code on screen stays until it expires; the connection banner says the rest.
    }
    if (this.current && new Date(this.current.expiresAt) <= new Date()) this.current = null;
    this.host.requestUpdate();
  }
}
