import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The one-time "Tap to enable sound" prompt, shown while the browser blocks sound. A tap on it (or anywhere on the
 * screen) turns sound on; it fires `enable-sound` for taps and key presses on the button itself.
 */
@customElement('mq-sound-prompt')
export class MqSoundPrompt extends LitElement {
  static styles = css`
    :host {
      position: fixed;
      inset-inline: 0;
      bottom: 9vmin;
      display: flex;
      justify-content: center;
      pointer-events: none;
      z-index: 10;
    }
    button {
      display: inline-flex;
      align-items: center;
      gap: 0.6em;
      padding: 0.6em 1.2em;
      border: 0;
      border-radius: 999px;
      font: 700 4vmin/1.2 var(--mq-font);
      background: var(--mq-color-accent);
      color: var(--mq-color-on-accent);
      box-shadow: var(--mq-shadow-raised, var(--mq-shadow));
      cursor: pointer;
      pointer-events: auto;
    }
    svg {
      width: 1.2em;
      height: 1.2em;
    }
  `;

  /** The prompt's words in the display's language. */
  @property() label = 'Tap to enable sound';

  render() {
    return html`<button type="button" @click=${this.enable}>
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
        <path d="M11 5 6 9H2v6h4l5 4z" />
        <path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" />
      </svg>
      ${this.label}
    </button>`;
  }

  private enable(): void {
    this.dispatchEvent(new CustomEvent('enable-sound', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-sound-prompt': MqSoundPrompt;
  }
  interface GlobalEventHandlersEventMap {
    'enable-sound': CustomEvent<void>;
  }
}
