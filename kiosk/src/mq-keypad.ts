import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../common/web/shared-styles';
import { fire } from './events';
import { kioskStyles } from './kiosk-styles';

/**
 * The symbols booking codes are made of (server/services/codes.ts): no 0/O or 1/I/L, so the keypad cannot offer a
 * look-alike that would never match.
 */
const CODE_KEYS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'.split('');
const DIGIT_KEYS = '123456789'.split('');
const LETTER_KEYS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Which keys the pad shows. */
export type KeypadLayout = 'code' | 'digits' | 'letters';

/**
 * A large on-screen keypad, so nobody needs the kiosk's (absent) keyboard: booking-code symbols, digits, or letters
 * for a first name. Keys are at least 64 px and named for screen readers. Fires `keypad-key` for every key; a
 * physical keyboard works too while the pad is on screen (for maintenance and for people who bring their own
 * assistive keyboard). Laid out left to right in every language, as printed codes and phone numbers are.
 */
@customElement('mq-keypad')
export class MqKeypad extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        direction: ltr;
      }
      .pad {
        display: grid;
        gap: clamp(0.45rem, 1.1vmin, 0.75rem);
      }
      .code {
        grid-template-columns: repeat(8, 1fr);
      }
      .digits {
        grid-template-columns: repeat(3, 1fr);
        max-width: 30rem;
        margin-inline: auto;
      }
      .letters {
        grid-template-columns: repeat(10, 1fr);
      }
      .key {
        min-height: max(64px, 4.6rem);
        min-width: 0;
        padding: 0;
        border: 2px solid var(--mq-color-border);
        border-radius: 12px;
        background: var(--mq-color-surface);
        box-shadow: 0 2px 0 var(--mq-color-border);
        color: var(--mq-color-text);
        font-size: clamp(1.5rem, 3.4vmin, 2.2rem);
        font-weight: 700;
        cursor: pointer;
      }
      .key:active {
        transform: translateY(2px);
        box-shadow: none;
        background: var(--mq-color-primary-soft);
      }
      .key.action {
        background: var(--mq-color-surface-alt);
        font-size: clamp(1.05rem, 2.3vmin, 1.35rem);
      }
      .wide {
        grid-column: span 2;
      }
      /* Short landscape screens (1280x800): keys at the 64 px minimum, so the buttons under the pad stay on screen. */
      @media (orientation: landscape) and (max-height: 900px) {
        .key {
          min-height: 64px;
        }
      }
      /* Portrait kiosks are tall and wide enough for keys a shaky finger cannot miss. */
      @media (orientation: portrait) {
        .key {
          min-height: 7rem;
          font-size: 4.4vmin;
        }
        .key.action {
          font-size: 2.6vmin;
        }
        .digits {
          max-width: 46rem;
        }
      }
      .glyph,
      .small {
        display: block;
        line-height: 1.1;
      }
      .glyph {
        font-size: clamp(1.4rem, 3vmin, 1.9rem);
      }
      .small {
        font-size: clamp(0.8rem, 1.7vmin, 1rem);
        font-weight: 600;
        overflow: hidden;
        text-overflow: ellipsis;
      }
    `,
  ];

  @property() layout: KeypadLayout = 'digits';
  /** Names the pad for screen readers ("Booking code keypad"). */
  @property() label = 'Keypad';
  /** Screen-reader and on-key names of the actions, in the kiosk's language. */
  @property() deleteLabel = 'Delete';
  @property() clearLabel = 'Clear';
  @property() spaceLabel = 'Space';

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeyDown);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeyDown);
  }

  render() {
    const key = (char: string, label = char) =>
      html`<button class="key ${char === ' ' ? 'action' : ''}" aria-label=${label} @click=${() => fire(this, 'keypad-key', { char })}>
        ${char === ' ' ? label : char}
      </button>`;
    const action = (name: 'delete' | 'clear', label: string, wide = false) =>
      html`<button class="key action ${wide ? 'wide' : ''}" aria-label=${label} @click=${() => fire(this, 'keypad-key', { action: name })}>
        ${name === 'delete' ? html`<span class="glyph" aria-hidden="true">⌫</span><span class="small">${label}</span>` : label}
      </button>`;
    switch (this.layout) {
      case 'code':
        return html`<div class="pad code" role="group" aria-label=${this.label}>${CODE_KEYS.map((c) => key(c))}${action('delete', this.deleteLabel)}</div>`;
      case 'letters':
        return html`<div class="pad letters" role="group" aria-label=${this.label}>
          ${LETTER_KEYS.map((c) => key(c))}${key('-', '-')}${key(' ', this.spaceLabel)}${action('delete', this.deleteLabel, true)}
        </div>`;
      default:
        return html`<div class="pad digits" role="group" aria-label=${this.label}>
          ${DIGIT_KEYS.map((c) => key(c))}${action('clear', this.clearLabel)}${key('0')}${action('delete', this.deleteLabel)}
        </div>`;
    }
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Backspace') {
      event.preventDefault();
      fire(this, 'keypad-key', { action: 'delete' });
      return;
    }
    const char = event.key.length === 1 ? event.key.toUpperCase() : '';
    const allowed = this.layout === 'code' ? CODE_KEYS : this.layout === 'letters' ? [...LETTER_KEYS, '-'] : [...DIGIT_KEYS, '0'];
    // Space (like Enter) presses the focused key itself; only characters are taken from the keyboard.
    if (char === ' ' || !allowed.includes(char)) return;
    event.preventDefault();
    fire(this, 'keypad-key', { char });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-keypad': MqKeypad;
  }
}
