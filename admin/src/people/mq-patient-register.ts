import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PatientRequest, PatientView, PossibleDuplicate, Sex } from '../../../common/admin';
import { ApiError, UNEXPECTED_RESPONSE_MESSAGE } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';
import { registerPatient } from './patient-api';
import { staffButtonStyles } from '../shared/staff-buttons';

const SEXES: Array<{ value: Sex; label: string }> = [
  { value: 'unknown', label: 'Not stated' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
];

const REASONS: Record<string, string> = { name_and_birth_date: 'same name and date of birth', phone: 'same phone number' };

/**
 * Registers a new patient at the desk: full name, date of birth, sex, phone and insurance. When the server finds
 * patients with the same name and date of birth (or phone), they are listed with "Use this patient", next to
 * "Register as a new patient anyway". Fires `patient-chosen` with the patient registered or picked.
 */
@customElement('mq-patient-register')
export class MqPatientRegister extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .warning {
        margin-top: 1rem;
        padding: 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-warning-soft);
        color: var(--mq-color-text);
      }
      .warning h3 {
        margin: 0 0 0.5rem;
        font-size: 1.05rem;
        color: var(--mq-color-warning);
      }
      ul {
        margin: 0.5rem 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        padding: 0.6rem 0;
        border-bottom: 1px solid var(--mq-color-border);
      }
    `,
  ];

  @state() private form: PatientRequest = { fullName: '', dateOfBirth: '', sex: 'unknown', phone: '' };
  @state() private error: ApiError | null = null;
  @state() private duplicates: PossibleDuplicate[] = [];
  @state() private busy = false;

  render() {
    const f = this.form;
    const fieldError = (path: string) => {
      const message = this.error?.fieldMessage(path);
      return message ? html`<span class="field-error" id="err-${path}">${message}</span>` : nothing;
    };
    const invalid = (path: string) => (this.error?.fieldMessage(path) ? 'true' : 'false');
    return html`
      <form @submit=${(e: Event) => this.submit(e, false)} novalidate>
        <div class="fields">
          <div class="field">
            <label for="full-name">Full name</label>
            <input id="full-name" autocomplete="off" required .value=${f.fullName} aria-invalid=${invalid('fullName')}
              @input=${(e: Event) => this.set('fullName', (e.target as HTMLInputElement).value)} />
            ${fieldError('fullName')}
          </div>
          <div class="field">
            <label for="birth">Date of birth</label>
            <input id="birth" type="date" required .value=${f.dateOfBirth} aria-invalid=${invalid('dateOfBirth')}
              @input=${(e: Event) => this.set('dateOfBirth', (e.target as HTMLInputElement).value)} />
            ${fieldError('dateOfBirth')}
          </div>
          <div class="field">
            <label for="sex">Sex</label>
            <select id="sex" @change=${(e: Event) => this.set('sex', (e.target as HTMLSelectElement).value as Sex)}>
              ${SEXES.map((s) => html`<option value=${s.value} ?selected=${f.sex === s.value}>${s.label}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="phone">Phone</label>
            <input id="phone" type="tel" autocomplete="off" .value=${f.phone ?? ''} aria-invalid=${invalid('phone')}
              @input=${(e: Event) => this.set('phone', (e.target as HTMLInputElement).value)} />
            ${fieldError('phone')}
          </div>
          <div class="field">
            <label for="insurer">Insurance provider</label>
            <input id="insurer" autocomplete="off" .value=${f.insuranceProvider ?? ''}
              @input=${(e: Event) => this.set('insuranceProvider', (e.target as HTMLInputElement).value || null)} />
          </div>
          <div class="field">
            <label for="insurance-number">Insurance number</label>
            <input id="insurance-number" autocomplete="off" .value=${f.insuranceNumber ?? ''}
              @input=${(e: Event) => this.set('insuranceNumber', (e.target as HTMLInputElement).value || null)} />
          </div>
        </div>
        ${this.error && !this.error.fields.length ? html`<p class="error" role="alert">${this.error.message}</p>` : nothing}
        ${this.duplicates.length ? this.renderDuplicates() : html`<div class="actions">
              <button class="primary" type="submit" ?disabled=${this.busy}>Register patient</button>
            </div>`}
      </form>
    `;
  }

  private renderDuplicates() {
    return html`<div class="warning" role="alert">
      <h3>This patient may already be registered</h3>
      <p>Check the patients below. Use one of them, or register a new patient if none is the same person.</p>
      <ul>
        ${this.duplicates.map(
          (d) => html`<li>
            <span>
              <strong>${d.patient.fullName}</strong>
              <span class="muted">born ${d.patient.dateOfBirth} · ${d.patient.phone ?? 'no phone'} · record ${d.patient.medicalRecordNumber}</span>
              <br /><span class="muted">Matches: ${d.reasons.map((r) => REASONS[r] ?? r).join(', ')}</span>
            </span>
            <button type="button" class="primary" @click=${() => this.choose(d.patient)}
              aria-label="Use ${d.patient.fullName} (record ${d.patient.medicalRecordNumber})">Use this patient</button>
          </li>`,
        )}
      </ul>
      <div class="actions">
        <button type="button" ?disabled=${this.busy} @click=${(e: Event) => this.submit(e, true)}>Register as a new patient anyway</button>
      </div>
    </div>`;
  }

  private set<K extends keyof PatientRequest>(key: K, value: PatientRequest[K]): void {
    this.form = { ...this.form, [key]: value };
    // A changed name, birth date or phone may match other patients, or none.
    if (key === 'fullName' || key === 'dateOfBirth' || key === 'phone') this.duplicates = [];
  }

  private async submit(event: Event, confirmDuplicate: boolean): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    const { phone, ...rest } = this.form;
    try {
      const result = await registerPatient({ ...rest, phone: phone?.trim() ? phone : null, ...(confirmDuplicate ? { confirmDuplicate } : {}) });
      if ('duplicates' in result) this.duplicates = result.duplicates;
      else this.choose(result.patient);
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError('unexpected_response', UNEXPECTED_RESPONSE_MESSAGE, 0);
    } finally {
      this.busy = false;
    }
  }

  private choose(patient: PatientView): void {
    this.dispatchEvent(new CustomEvent('patient-chosen', { detail: patient, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-patient-register': MqPatientRegister;
  }
}
