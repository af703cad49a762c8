import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { FIRST_NAME_MAX } from '../../common/kiosk';
import { baseStyles } from '../../common/web/shared-styles';
import type { KeypadKeyEvent } from './events';
import { kioskStyles } from './kiosk-styles';
import type { KioskLocale } from './locale';
import './mq-keypad';

/** What the patient chose to leave for reception. */
export interface ContactDetails {
  firstName: string;
  phone: string;
}

/**
 * The optional last step of a walk-in: a first name (letter keyboard) and a phone number (digit pad), so reception
 * can find or ring the patient. Never shown on a public screen. Fires `details-done` with what was typed (possibly
 * nothing, for "Skip").
 */
@customElement('mq-contact-details')
export class MqContactDetails extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        display: grid;
        gap: var(--k-gap);
      }
      .fields {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 1rem;
      }
      .field {
        display: grid;
        gap: 0.35rem;
        padding: 0;
        border: 0;
        background: none;
        text-align: start;
        cursor: pointer;
      }
      .value {
        display: flex;
        align-items: center;
        min-height: max(64px, 4.75rem);
        padding: 0 1rem;
        border: 3px solid var(--mq-color-border);
        border-radius: 12px;
        background: var(--mq-color-surface);
        font-size: clamp(1.5rem, 3.6vmin, 2.3rem);
        font-weight: 700;
        direction: ltr;
        unicode-bidi: isolate;
        overflow: hidden;
        white-space: pre;
      }
      .active .value {
        border-color: var(--mq-color-primary);
        box-shadow: 0 0 0 4px var(--mq-color-primary-soft);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      .actions .btn {
        flex: 1 1 16rem;
      }
    `,
  ];

  @property({ attribute: false }) locale!: KioskLocale;

  @state() private firstName = '';
  @state() private phone = '';
  @state() private active: 'firstName' | 'phone' = 'firstName';
  @state() private phoneShort = false;

  render() {
    const t = this.locale.t;
    const field = (name: 'firstName' | 'phone', label: string, value: string) => html`<button
      class="field ${this.active === name ? 'active' : ''}"
      aria-pressed=${String(this.active === name)}
      @click=${() => (this.active = name)}
    >
      <span class="field-label">${label}</span>
      <span class="value" aria-live="polite">${value}</span>
    </button>`;
    return html`
      <div class="fields">
        ${field('firstName', t.walkIn.firstName, this.firstName)} ${field('phone', t.walkIn.phone, this.phone)}
      </div>
      <mq-keypad
        layout=${this.active === 'firstName' ? 'letters' : 'digits'}
        label=${this.active === 'firstName' ? t.walkIn.firstName : t.walkIn.phone}
        deleteLabel=${t.keypad.delete}
        clearLabel=${t.keypad.clear}
        spaceLabel=${t.keypad.space}
        @keypad-key=${this.onKey}
      ></mq-keypad>
      ${this.phoneShort ? html`<p class="message error" role="alert">${t.walkIn.phoneShort}</p>` : nothing}
      <div class="actions">
        <button class="btn primary" @click=${() => this.done(this.firstName, this.phone)}>${t.walkIn.getTicket}</button>
        <button class="btn" @click=${() => this.done('', '')}>${t.walkIn.skip}</button>
      </div>
    `;
  }

  private readonly onKey = (event: KeypadKeyEvent): void => {
    const key = event.detail;
    this.phoneShort = false;
    const current = this[this.active];
    const max = this.active === 'firstName' ? FIRST_NAME_MAX : 20;
    let next: string;
    if ('char' in key) {
      if (current.length >= max) return;
      // Names are typed in capitals on the pad; written as people write them ("Anna-Maria").
      next = this.active === 'firstName' ? capitalise(current + key.char) : current + key.char;
    } else {
      next = key.action === 'clear' ? '' : current.slice(0, -1);
    }
    this[this.active] = next;
  };

  private done(firstName: string, phone: string): void {
    if (phone && phone.length < 5) {
      this.phoneShort = true;
      this.active = 'phone';
      return;
    }
    const detail: ContactDetails = { firstName: firstName.trim(), phone: phone.trim() };
    this.dispatchEvent(new CustomEvent('details-done', { detail, bubbles: true, composed: true }));
  }
}

/** "ANNA-MARIA" -> "Anna-Maria". */
function capitalise(text: string): string {
  return text.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-contact-details': MqContactDetails;
  }
  interface GlobalEventHandlersEventMap {
    'details-done': CustomEvent<ContactDetails>;
  }
}
