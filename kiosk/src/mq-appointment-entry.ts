import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { KioskAppointmentLookup } from '../../common/kiosk';
import { baseStyles } from '../../common/web/shared-styles';
import type { KeypadKeyEvent } from './events';
import { kioskStyles } from './kiosk-styles';
import type { KioskLocale } from './locale';
import './mq-keypad';

type Field = 'phone' | 'day' | 'month' | 'year';
const LENGTHS: Record<Field, number> = { phone: 15, day: 2, month: 2, year: 4 };
const NEXT: Partial<Record<Field, Field>> = { day: 'month', month: 'year' };

/** True when 'YYYY-MM-DD' is a day on the calendar (31 February is not). */
export function isRealDate(day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * How a patient tells the kiosk who they are: the booking code on a large keypad, or their phone number and date of
 * birth on a digit pad. Fires `appointment-find` with what they typed; `error` shows the last answer.
 */
@customElement('mq-appointment-entry')
export class MqAppointmentEntry extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        display: grid;
        gap: var(--k-gap);
        align-items: start;
      }
      .form {
        display: grid;
        gap: var(--k-gap);
      }
      /* Landscape screens are short: the keypad goes beside the form instead of under it. */
      @media (orientation: landscape) {
        :host {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1.15fr);
        }
      }
      .tabs {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.75rem;
      }
      .tab {
        border-width: 2px;
        border-color: var(--mq-color-border);
        color: var(--mq-color-text);
      }
      .tab[aria-pressed='true'] {
        border-color: var(--mq-color-primary);
        background: var(--mq-color-primary-soft);
        color: var(--mq-color-primary-strong);
      }
      .fields {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: 1rem;
      }
      .field {
        display: grid;
        gap: 0.35rem;
        flex: 1 1 8rem;
        padding: 0;
        border: 0;
        background: none;
        text-align: start;
        cursor: pointer;
      }
      .field.phone {
        flex: 1 1 100%;
      }
      .dob {
        display: grid;
        gap: 0.35rem;
        flex: 1 1 100%;
      }
      .dob > .field-label {
        color: var(--mq-color-text);
      }
      .dob-fields {
        display: grid;
        grid-template-columns: 1fr 1fr 1.5fr;
        gap: 0.75rem;
      }
      .value {
        display: flex;
        align-items: center;
        min-height: max(64px, 5rem);
        padding: 0 1rem;
        border: 3px solid var(--mq-color-border);
        border-radius: 12px;
        background: var(--mq-color-surface);
        font-size: clamp(1.6rem, 4vmin, 2.6rem);
        font-weight: 700;
        letter-spacing: 0.08em;
        font-variant-numeric: tabular-nums;
        direction: ltr;
        unicode-bidi: isolate;
      }
      .active .value {
        border-color: var(--mq-color-primary);
        box-shadow: 0 0 0 4px var(--mq-color-primary-soft);
      }
      /* A hint, not a value: lighter weight, but still readable (muted text is 6:1 on white). */
      .value .placeholder {
        color: var(--mq-color-text-muted);
        font-weight: 400;
      }
      .code .value {
        justify-content: center;
        font-size: clamp(2.2rem, 6vmin, 3.6rem);
        letter-spacing: 0.3em;
      }
      .find {
        justify-self: stretch;
      }
    `,
  ];

  @property({ attribute: false }) locale!: KioskLocale;
  /** The last refusal, in words. */
  @property() error = '';

  @state() private mode: 'code' | 'phone' = 'code';
  @state() private code = '';
  @state() private values: Record<Field, string> = { phone: '', day: '', month: '', year: '' };
  @state() private active: Field = 'phone';
  /** What is wrong with what was typed, in words, before anything is sent. */
  @state() private problem = '';
  /** The server's refusal belongs to the way of finding the booking it answered; switching ways hides it. */
  @state() private errorHidden = false;

  render() {
    const t = this.locale.t.appointment;
    return html`
      <div class="form">
        <div class="tabs" role="group">
          <button class="btn tab" aria-pressed=${String(this.mode === 'code')} @click=${() => this.setMode('code')}>${t.byCode}</button>
          <button class="btn tab" aria-pressed=${String(this.mode === 'phone')} @click=${() => this.setMode('phone')}>${t.byPhone}</button>
        </div>
        ${this.mode === 'code' ? this.renderCode() : this.renderPhone()}
        ${this.problem || this.shownError ? html`<p class="message error" role="alert">${this.problem || this.shownError}</p>` : nothing}
        <button class="btn primary find" @click=${this.find}>${t.find}</button>
      </div>
      <mq-keypad
        layout=${this.mode === 'code' ? 'code' : 'digits'}
        label=${this.mode === 'code' ? t.byCode : this.fieldLabel(this.active)}
        deleteLabel=${this.locale.t.keypad.delete}
        clearLabel=${this.locale.t.keypad.clear}
        @keypad-key=${this.onKey}
      ></mq-keypad>
    `;
  }

  private renderCode() {
    const t = this.locale.t.appointment;
    return html`<div class="field code active">
      <span class="field-label" id="code-label">${t.codePrompt}</span>
      <span class="value" role="textbox" aria-readonly="true" aria-labelledby="code-label" aria-live="polite"
        >${this.code || html`<span class="placeholder" aria-hidden="true">••••••</span>`}</span
      >
    </div>`;
  }

  private renderPhone() {
    const t = this.locale.t.appointment;
    // The name holds everything the button shows (its placeholder too, while empty), as WCAG 2.5.3 asks.
    const field = (name: Field, shortLabel: string, placeholder: string) => html`<button
      class="field ${name} ${this.active === name ? 'active' : ''}"
      aria-pressed=${String(this.active === name)}
      aria-label=${`${this.fieldLabel(name)} ${this.values[name] || placeholder}`.trim()}
      @click=${() => (this.active = name)}
    >
      <span class="field-label">${shortLabel}</span>
      <span class="value">${this.values[name] || html`<span class="placeholder">${placeholder}</span>`}</span>
    </button>`;
    return html`<div class="fields">
      ${field('phone', t.phone, '')}
      <div class="dob" role="group" aria-label=${t.dateOfBirth}>
        <span class="field-label" aria-hidden="true">${t.dateOfBirth}</span>
        <div class="dob-fields">
          ${field('day', t.day, t.datePlaceholders.day)}${field('month', t.month, t.datePlaceholders.month)}${field('year', t.year, t.datePlaceholders.year)}
        </div>
      </div>
    </div>`;
  }

  private fieldLabel(field: Field): string {
    const t = this.locale.t.appointment;
    return { phone: t.phone, day: `${t.dateOfBirth}: ${t.day}`, month: `${t.dateOfBirth}: ${t.month}`, year: `${t.dateOfBirth}: ${t.year}` }[field];
  }

  private setMode(mode: 'code' | 'phone'): void {
    this.mode = mode;
    this.problem = '';
    this.errorHidden = true;
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('error')) this.errorHidden = false;
  }

  private get shownError(): string {
    return this.errorHidden ? '' : this.error;
  }

  private readonly onKey = (event: KeypadKeyEvent): void => {
    this.problem = '';
    const key = event.detail;
    if (this.mode === 'code') {
      if ('char' in key) this.code = (this.code + key.char).slice(0, 12);
      else this.code = key.action === 'clear' ? '' : this.code.slice(0, -1);
      return;
    }
    const current = this.values[this.active];
    if ('char' in key) {
      if (current.length >= LENGTHS[this.active]) return;
      const next = current + key.char;
      this.values = { ...this.values, [this.active]: next };
      // Day and month are two digits: move on by themselves, as paper forms do.
      if (next.length === LENGTHS[this.active] && NEXT[this.active]) this.active = NEXT[this.active]!;
    } else {
      this.values = { ...this.values, [this.active]: key.action === 'clear' ? '' : current.slice(0, -1) };
    }
  };

  private readonly find = (): void => {
    let lookup: KioskAppointmentLookup;
    if (this.mode === 'code') {
      if (this.code.length < 4) {
        this.problem = this.locale.t.appointment.incomplete;
        return;
      }
      lookup = { bookingCode: this.code };
    } else {
      const { phone, day, month, year } = this.values;
      const t = this.locale.t.appointment;
      if (phone.length < 5 || !day || !month || year.length !== 4) {
        this.problem = t.incomplete;
        return;
      }
      const dateOfBirth = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
      if (!isRealDate(dateOfBirth)) {
        this.problem = t.noSuchDate;
        return;
      }
      if (dateOfBirth > new Date().toISOString().slice(0, 10) || year < '1900') {
        this.problem = t.futureDate;
        return;
      }
      lookup = { phone, dateOfBirth };
    }
    this.dispatchEvent(new CustomEvent('appointment-find', { detail: lookup, bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-appointment-entry': MqAppointmentEntry;
  }
  interface GlobalEventHandlersEventMap {
    /** The patient asked the kiosk to find their booking. */
    'appointment-find': CustomEvent<KioskAppointmentLookup>;
  }
}
