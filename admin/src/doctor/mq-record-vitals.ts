import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { VITAL_FIELDS, VITALS, computeBmi, type VitalField, type VitalFlag } from '../../../common/vitals';
import { baseStyles } from '../../../common/web/shared-styles';
import { recordStyles } from './record-styles';
import '../shared/events';

/**
 * The record's vitals: one input per vital with its unit and range hint, the problem with a value marked in its
 * place (in the doctor's words: "SpO2 must be between 50 and 100 %."), BMI, and the server's flags for plausible
 * but abnormal values. Fires `vital-input` as the doctor types.
 */
@customElement('mq-record-vitals')
export class MqRecordVitals extends LitElement {
  // The record's look without its card: these sit inside the record.
  static styles = [baseStyles, recordStyles, css`
    :host {
      padding: 0;
      background: none;
      box-shadow: none;
    }
  `];

  /** The values as typed. */
  @property({ attribute: false }) values!: Record<VitalField, string>;
  /** What is wrong with a value, by field. */
  @property({ attribute: false }) problems = new Map<VitalField, string>();
  /** The server's flags on the saved values. */
  @property({ attribute: false }) flags: VitalFlag[] = [];
  /** A signed record: shown, not edited. */
  @property({ type: Boolean }) readonly = false;

  /** Moves the focus to one vital's input (sign-off points at the first problem). */
  focusField(field: VitalField): void {
    this.renderRoot.querySelector<HTMLInputElement>(`#${field}`)?.focus();
  }

  render() {
    const number = (f: VitalField) => (this.values[f].trim() === '' ? null : Number(this.values[f].replace(',', '.')));
    const bmi = computeBmi(number('weightKg'), number('heightCm'));
    return html`<h3>Vitals</h3>
      <div class="vitals">
        ${VITAL_FIELDS.map((field) => {
          const spec = VITALS[field];
          const error = this.problems.get(field);
          return html`<div>
            <label for=${field}>${spec.label}</label>
            <div class="unit">
              <input
                id=${field}
                inputmode="decimal"
                .value=${live(this.values[field])}
                ?readonly=${this.readonly}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${`${field}-hint`}
                @input=${(e: InputEvent) => this.fire(field, (e.target as HTMLInputElement).value)}
              />
              <span>${spec.unit}</span>
            </div>
            <p class="hint ${error ? 'bad' : ''}" id=${`${field}-hint`}>${error ? `Not saved: ${error}` : `${spec.min}–${spec.max}`}</p>
          </div>`;
        })}
        <div><span class="label">BMI</span><p>${bmi ?? '–'}</p></div>
      </div>
      ${this.flags.length
        ? html`<ul class="flags" aria-label="Flagged vitals">${this.flags.map((f) => html`<li>${f.message}</li>`)}</ul>`
        : nothing}`;
  }

  private fire(field: VitalField, value: string): void {
    this.dispatchEvent(new CustomEvent('vital-input', { detail: { field, value }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-record-vitals': MqRecordVitals;
  }
}
