import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long typing must pause before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 700;

/**
 * When a draft is saved (issue 19's per-field autosave): after a pause in typing, one save at a time, and again
 * right after a save when something changed meanwhile. What a save sends, and what it does with the answer, is the
 * host's `send`. The timer is cleared when the host goes, so a record closed mid-typing never saves late.
 */
export class AutosaveController implements ReactiveController {
  /** True when something changed after the save now under way (or the last one) started. */
  dirty = false;
  /** While set (the session ended), no save is scheduled; `saveNow` sends what waits. */
  paused = false;

  private timer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | null = null;

  constructor(
    host: ReactiveControllerHost,
    /** Sends the draft (`force`: send even with nothing new, e.g. to confirm an allergy). */
    private readonly send: (force: boolean) => Promise<void>,
    /** False when there is nothing that may be saved (no record yet, or one already signed). */
    private readonly canSave: () => boolean,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** True while a save is on its way to the server. */
  get busy(): boolean {
    return this.saving !== null;
  }

  /** Something changed: save after the pause. */
  changed(): void {
    this.dirty = true;
    this.schedule();
  }

  /** Saves now (after the save under way, if any); `force` sends even when nothing changed since. */
  async saveNow(force = false): Promise<void> {
    clearTimeout(this.timer);
    if (this.saving) {
      await this.saving;
      if (!this.dirty && !force) return;
    }
    if (!this.canSave()) return;
    this.dirty = false;
    this.saving = this.send(force).finally(() => (this.saving = null));
    await this.saving;
    if (this.dirty && !this.paused) this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), this.delayMs);
  }
}
