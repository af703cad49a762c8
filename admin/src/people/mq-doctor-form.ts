import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DoctorProfileRequest, DoctorProfileView } from '../../../common/admin';
import type { DepartmentSummary, StaffUser } from '../../../common/api';
import { ApiError, apiFetch, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { fieldErrorLine, fieldMessage, formLevelMessage } from '../shared/form-helpers';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

type Draft = Record<'userId' | 'licenseNumber' | 'specialization' | 'rating' | 'departmentId' | 'room' | 'consultationMinutes', string>;

/** A number typed in a field, or the text itself so the server can say what is wrong with it. */
function numberOrText(value: string): number | string {
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

/**
 * Creates a doctor's profile for a doctor account that has none, or edits one: licence number, specialization,
 * rating, department, room and consultation minutes. Fires `doctor-saved` with the server's profile, or `form-cancel`.
 */
@customElement('mq-doctor-form')
export class MqDoctorForm extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The profile being edited, or null to create one. */
  @property({ attribute: false }) profile: DoctorProfileView | null = null;
  /** Every department (inactive ones are offered only when the profile is already in one). */
  @property({ attribute: false }) departments: DepartmentSummary[] = [];
  /** Doctor accounts without a profile: who a new profile can be for. */
  @property({ attribute: false }) accounts: StaffUser[] = [];

  @state() private draft: Draft = MqDoctorForm.empty();
  @state() private saving = false;
  @state() private error: unknown = null;

  private static empty(): Draft {
    return { userId: '', licenseNumber: '', specialization: '', rating: '', departmentId: '', room: '', consultationMinutes: '15' };
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profile')) {
      const p = this.profile;
      this.draft = p
        ? {
            userId: String(p.userId),
            licenseNumber: p.licenseNumber,
            specialization: p.specialization,
            rating: p.rating === null ? '' : String(p.rating),
            departmentId: String(p.department.id),
            room: p.room,
            consultationMinutes: String(p.consultationMinutes),
          }
        : { ...MqDoctorForm.empty(), userId: this.accounts[0] ? String(this.accounts[0].id) : '' };
      this.error = null;
    }
  }

  render() {
    const p = this.profile;
    const departments = this.departments.filter((d) => d.active || String(d.id) === this.draft.departmentId);
    const problem = formLevelMessage(this.error);
    return html`<form @submit=${this.submit} novalidate>
      <div class="fields">
        <div class="field">
          <label for="userId">Staff account</label>
          ${p
            ? html`<input id="userId" .value=${`${p.fullName} (${p.email})`} readonly />`
            : html`<select id="userId" .value=${this.draft.userId} @change=${this.set('userId')} aria-describedby="userId-error">
                ${this.accounts.length ? nothing : html`<option value="">No doctor account without a profile</option>`}
                ${this.accounts.map((a) => html`<option value=${a.id} ?selected=${String(a.id) === this.draft.userId}>${a.fullName} (${a.email})</option>`)}
              </select>`}
          ${p ? nothing : html`<span class="hint">Accounts with the doctor role that have no profile yet.</span>`}
          ${fieldErrorLine('userId-error', fieldMessage(this.error, 'userId'))}
        </div>
        ${this.input('licenseNumber', 'Licence number')} ${this.input('specialization', 'Specialization')}
        <div class="field">
          <label for="departmentId">Department</label>
          <select id="departmentId" .value=${this.draft.departmentId} @change=${this.set('departmentId')} aria-describedby="departmentId-error">
            <option value="" ?selected=${!this.draft.departmentId}>Choose a department</option>
            ${departments.map((d) => html`<option value=${d.id} ?selected=${String(d.id) === this.draft.departmentId}>${d.name} (${d.prefix})</option>`)}
          </select>
          ${fieldErrorLine('departmentId-error', fieldMessage(this.error, 'departmentId'))}
        </div>
        ${this.input('room', 'Room')}
        ${this.input('consultationMinutes', 'Consultation minutes', { type: 'number', min: '1', max: '240', step: '1' })}
        ${this.input('rating', 'Rating (0 to 5)', { type: 'number', min: '0', max: '5', step: '0.1', hint: 'Leave empty when unrated.' })}
      </div>
      ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.saving}>${this.saving ? 'Saving…' : p ? 'Save profile' : 'Create profile'}</button>
        <button type="button" @click=${this.cancel}>Cancel</button>
      </div>
    </form>`;
  }

  private set(key: keyof Draft) {
    return (e: Event) => (this.draft = { ...this.draft, [key]: (e.target as HTMLInputElement | HTMLSelectElement).value });
  }

  private input(key: keyof Draft, label: string, options: { type?: string; min?: string; max?: string; step?: string; hint?: string } = {}) {
    const message = fieldMessage(this.error, key);
    return html`<div class="field">
      <label for=${key}>${label}</label>
      <input
        id=${key}
        type=${options.type ?? 'text'}
        min=${options.min ?? nothing}
        max=${options.max ?? nothing}
        step=${options.step ?? nothing}
        .value=${this.draft[key]}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${`${key}-error`}
        @input=${this.set(key)}
      />
      ${options.hint ? html`<span class="hint">${options.hint}</span>` : nothing} ${fieldErrorLine(`${key}-error`, message)}
    </div>`;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    const missing = [
      ...(!this.profile && !d.userId ? [{ path: 'userId', message: 'Choose the staff account (create one with the doctor role first).' }] : []),
      ...(!d.departmentId ? [{ path: 'departmentId', message: 'Choose a department.' }] : []),
    ];
    if (missing.length) {
      this.error = new ApiError('validation_failed', 'Please correct the fields marked below.', 422, missing);
      return;
    }
    const fields = {
      licenseNumber: d.licenseNumber,
      specialization: d.specialization,
      rating: d.rating.trim() === '' ? null : numberOrText(d.rating),
      departmentId: numberOrText(d.departmentId),
      room: d.room,
      consultationMinutes: numberOrText(d.consultationMinutes),
    } as Omit<DoctorProfileRequest, 'userId'>;
    this.saving = true;
    this.error = null;
    try {
      const { doctor } = this.profile
        ? await apiFetch<{ doctor: DoctorProfileView }>(`/api/doctors/${this.profile.id}`, { method: 'PATCH', body: fields })
        : await apiPost<{ doctor: DoctorProfileView }>('/api/doctors', { ...fields, userId: numberOrText(d.userId) });
      this.dispatchEvent(new CustomEvent('doctor-saved', { detail: doctor, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
    }
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('form-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-doctor-form': MqDoctorForm;
  }
}
