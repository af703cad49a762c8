import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The longest pause between two characters of one scan; a scanner types far faster than a person. */
const MAX_GAP_MS = 300;

/**
 * Reads a keyboard-wedge barcode or QR scanner, which "types" what it read and then Enter, on whatever screen is
 * showing: the characters are collected (a pause longer than {@link MAX_GAP_MS} starts afresh) and Enter hands
 * a booking code (4 to 12 letters and digits, or a link or text ending in one, such as `MQ:AB12CD`) to `onCode`.
 * Nothing else of the kiosk uses the physical keyboard, so no field loses a key. The listener lives while the host
 * is on the page.
 */
export class ScannerController implements ReactiveController {
  private buffer = '';
  private last = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly onCode: (code: string) => void,
    private readonly target: EventTarget = window,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.target.addEventListener('keydown', this.onKey as EventListener);
  }

  hostDisconnected(): void {
    this.target.removeEventListener('keydown', this.onKey as EventListener);
  }

  /** The booking code in what a scanner typed, or null when it holds none. */
  static codeIn(text: string): string | null {
    const match = /(?:^|[^A-Za-z0-9])([A-Za-z0-9]{4,12})$/.exec(text.trim()) ?? /^([A-Za-z0-9]{4,12})$/.exec(text.trim());
    return match ? match[1].toUpperCase() : null;
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const now = event.timeStamp || performance.now();
    if (now - this.last > MAX_GAP_MS) this.buffer = '';
    this.last = now;
    if (event.key === 'Enter') {
      const code = ScannerController.codeIn(this.buffer);
      this.buffer = '';
      if (code) {
        event.preventDefault();
        this.onCode(code);
      }
    } else if (event.key.length === 1) {
      this.buffer = (this.buffer + event.key).slice(-64);
    }
  };
}
