/** What the announcer needs from the page; replaceable so it can be driven without a browser's audio. */
export interface AnnouncerOptions {
  /** Rings the chime; returns how long to wait before speaking (0: no chime). */
  chime: () => number;
  /** The speech engine, looked up at each announcement (undefined: none, the chime alone is played). */
  speech: () => SpeechSynthesis | undefined;
  /** Most announcements waiting their turn; older ones are dropped beyond it (they are on the screen anyway). */
  maxQueue?: number;
  /** Pause between two announcements. */
  gapMs?: number;
  /** Called when the last queued announcement is done. */
  onIdle?: () => void;
}

/** How long one utterance may take before it counts as stalled: generous for its length, never endless. */
export function speechDeadlineMs(text: string): number {
  return Math.min(15_000, 4000 + text.length * 90);
}

/**
 * Announces calls one after another: chime, then the spoken sentence, then a short pause, then the next one.
 * A new call never cuts off the one being spoken, and a burst of calls is announced in order.
 *
 * Speech synthesis sometimes stops for good in long-running pages (no `end`, no `error`: NovoSGA #39), so each
 * utterance has a deadline: past it the engine is cancelled and the queue moves on. Anything left over from such
 * a stall is cancelled before the next utterance starts. At most one timer is pending at any time.
 */
export class Announcer {
  /** Speak the sentence after the chime; off: the chime alone. */
  voice = true;
  /** Language tag for the utterances (`en`, `ar`, `es`). */
  lang = 'en';

  private readonly queue: string[] = [];
  private readonly maxQueue: number;
  private readonly gapMs: number;
  private busy = false;
  private disposed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Held so the engine's events reach us: Chrome drops utterances nobody references, and their `end` with them. */
  private current: SpeechSynthesisUtterance | undefined;

  constructor(private readonly options: AnnouncerOptions) {
    this.maxQueue = options.maxQueue ?? 10;
    this.gapMs = options.gapMs ?? 700;
  }

  /** How many announcements are waiting (not counting the one under way). */
  get pending(): number {
    return this.queue.length;
  }

  /** Queues `text`; it is announced after everything queued before it. */
  announce(text: string): void {
    if (this.disposed) return;
    if (this.queue.length >= this.maxQueue) this.queue.shift();
    this.queue.push(text);
    if (!this.busy) this.next();
  }

  /** Stops for good: clears the queue and the timer and silences the engine. */
  dispose(): void {
    this.disposed = true;
    this.queue.length = 0;
    clearTimeout(this.timer);
    this.release();
    this.options.speech()?.cancel();
  }

  private next(): void {
    const text = this.queue.shift();
    this.busy = text !== undefined && !this.disposed;
    if (!this.busy) {
      if (!this.disposed) this.options.onIdle?.();
      return;
    }
    this.after(this.options.chime(), () => this.speak(text!));
  }

  private speak(text: string): void {
    const speech = this.voice ? this.options.speech() : undefined;
    if (!speech) {
      this.after(this.gapMs, () => this.next());
      return;
    }
    // Something still "speaking" here is a leftover of a stall (we only speak one at a time): clear it first.
    if (speech.speaking || speech.pending) speech.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = this.lang;
    const voice = speech.getVoices().find((v) => v.lang.toLowerCase().startsWith(this.lang));
    if (voice) utterance.voice = voice;
    utterance.rate = 0.9;
    const finished = () => {
      if (this.current !== utterance) return;
      this.release();
      this.after(this.gapMs, () => this.next());
    };
    utterance.onend = finished;
    utterance.onerror = finished;
    this.current = utterance;
    this.after(speechDeadlineMs(text), () => {
      speech.cancel();
      finished();
    });
    speech.speak(utterance);
  }

  private release(): void {
    if (!this.current) return;
    this.current.onend = null;
    this.current.onerror = null;
    this.current = undefined;
  }

  private after(ms: number, run: () => void): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.disposed) run();
    }, ms);
  }
}
