/**
 * The server's one clock. Everything that asks what time it is (the queue, the kiosk's opening hours, records,
 * posters, slot generation) asks this one, so a test that moves it moves the whole server, as a real day would.
 */
/**
 * The real time, for defaults of services built outside the server (scripts, the simulator's own clock, tests
 * building one service) and for rules that must follow the calendar (a date of birth is not in the future).
 * Inside the server every part gets the container's Clock instead.
 */
export const systemNow = (): Date => new Date();

export class Clock {
  private fixed: Date | null = null;
  private offsetMs = 0;

  /** The current instant. A bound function, so it can be handed on as `() => Date`. */
  readonly now = (): Date => (this.fixed ? new Date(this.fixed.getTime()) : this.offsetMs ? new Date(Date.now() + this.offsetMs) : systemNow());

  /** Stops the clock at `instant` (tests); `null` lets it run again from the real time. */
  set(instant: Date | null): void {
    this.fixed = instant ? new Date(instant.getTime()) : null;
    this.offsetMs = 0;
  }

  /** Runs the clock `ms` ahead of (or behind) the real time (tests of a later clinic day). */
  shift(ms: number): void {
    this.fixed = null;
    this.offsetMs = ms;
  }
}
