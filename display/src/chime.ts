/** How long the chime lasts, so speech starts only after it has rung out. */
export const CHIME_MS = 1400;

/**
 * Plays a two-note "ding-dong" generated with Web Audio (no sound file to load or cache), and returns how long to
 * wait before speaking (0 without an audio context). A suspended context plays it as soon as it resumes.
 */
export function playChime(audio: AudioContext | null): number {
  if (!audio || audio.state === 'closed') return 0;
  const start = audio.currentTime + 0.05;
  for (const [frequency, offset] of [
    [880, 0],
    [659.25, 0.5],
  ]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const at = start + offset;
    // A fast attack and a long exponential decay sound like a bell, without the click of a hard start.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.85);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.9);
    // Disconnect once finished so the graph does not keep every chime of the day alive.
    oscillator.onended = () => {
      oscillator.onended = null;
      oscillator.disconnect();
      gain.disconnect();
    };
  }
  return CHIME_MS;
}
