import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Announcer } from '../announcer';
import { playChime } from '../chime';

/**
 * The display's sound: a Web Audio context for the chime and an {@link Announcer} for speech.
 *
 * Browsers keep sound off until someone interacts with the page. While that is so, `blocked` is true (the display
 * shows its one-time "Tap to enable sound" prompt) and calls are not queued, so nobody hears a backlog of stale
 * calls after the tap. The first tap or key press anywhere turns sound on for as long as the page lives. Chromium
 * started with `--autoplay-policy=no-user-gesture-required` never blocks, so an unattended screen needs no tap.
 */
export class SoundController implements ReactiveController {
  /** True while the browser still blocks sound. */
  blocked = false;

  private readonly host: ReactiveControllerHost;
  private audio: AudioContext | null = null;
  private announcer: Announcer | null = null;
  private unlocking = false;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    try {
      this.audio = new AudioContext();
    } catch {
      // No Web Audio (or no audio device): announcements go on with speech alone.
      this.audio = null;
    }
    this.announcer = new Announcer({
      chime: () => this.chime(),
      speech: () => globalThis.speechSynthesis,
      // Between announcements the audio device is let go: a running context renders silence for weeks otherwise.
      onIdle: () => void this.audio?.suspend().catch(() => undefined),
    });
    this.blocked = !!this.audio && this.audio.state !== 'running';
    if (this.blocked) this.listen();
  }

  hostDisconnected(): void {
    this.stopListening();
    this.announcer?.dispose();
    this.announcer = null;
    void this.audio?.close().catch(() => undefined);
    this.audio = null;
  }

  /** Voice on or off, and the language to speak. */
  configure(voice: boolean, lang: string): void {
    if (!this.announcer) return;
    this.announcer.voice = voice;
    this.announcer.lang = lang;
  }

  /** Queues an announcement (chime, then `text` spoken) unless sound is still blocked. */
  announce(text: string): void {
    if (!this.blocked) this.announcer?.announce(text);
  }

  /** Turns sound on; must run inside a user gesture (a tap, a key press). */
  readonly unlock = (): void => {
    const audio = this.audio;
    if (!this.blocked || !audio || this.unlocking) return;
    this.unlocking = true;
    this.stopListening();
    // Speaking something silent inside the gesture unlocks speech synthesis too (Chrome asks for a gesture as well).
    const speech = globalThis.speechSynthesis;
    if (speech) {
      const silent = new SpeechSynthesisUtterance(' ');
      silent.volume = 0;
      speech.speak(silent);
    }
    void audio.resume().finally(() => {
      this.unlocking = false;
      this.blocked = audio.state !== 'running';
      // Still refused (the tap did not count as a gesture): wait for the next one.
      if (this.blocked) this.listen();
      this.host.requestUpdate();
    });
  };

  /** Rings the chime (resuming the audio context suspended between announcements); returns its length. */
  private chime(): number {
    const audio = this.audio;
    if (!audio) return 0;
    void audio.resume().catch(() => undefined);
    return playChime(audio);
  }

  /** Any tap or key press on the page unlocks sound, not only the prompt itself. */
  private listen(): void {
    document.addEventListener('pointerdown', this.unlock, true);
    document.addEventListener('keydown', this.unlock, true);
  }

  private stopListening(): void {
    document.removeEventListener('pointerdown', this.unlock, true);
    document.removeEventListener('keydown', this.unlock, true);
  }
}
