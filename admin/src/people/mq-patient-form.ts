import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BloodGroup, DuplicateReason, PatientRequest, PatientView, PossibleDuplicate, Sex } from '../../../common/admin';
import { baseStyles } from '../../../common/web/shared-styles';
import { fieldErrorLine, fieldMessage, formLevelMessage } from '../shared/form-helpers';
import { panelStyles } from '../shared/panel-styles';
import { registerPatient, updatePatient } from './patient-api';
import { staffButtonStyles } from '../shared/staff-buttons';
import { clinicDay, formatDateOf } from '../shared/clinic-format';

const SEX_LABELS: Record<Sex, string> = { female: 'Female', male: 'Male', other: 'Other', unknown: 'Not stated' };
const BLOOD_GROUPS = Object.keys({ 'A+': 1, 'A-': 1, 'B+': 1, 'B-': 1, 'AB+': 1, 'AB-': 1, 'O+': 1, 'O-': 1 } satisfies Record<BloodGroup, 1>);
const REASON_WORDS: Record<DuplicateReason, string> = { name_and_birth_date: 'same name and date of birth', phone: 'same phone number' };

type Key = 'fullName' | 'dateOfBirth' | 'sex' | 'phone' | 'bloodGroup' | 'allergies' | 'insuranceProvider' | 'insuranceNumber';

/** Each field's name in a sentence. */
const FIELD_LABELS: Record<Key, string> = {
  fullName: 'full name',
  dateOfBirth: 'date of birth',
  sex: 'sex',
  phone: 'phone number',
  bloodGroup: 'blood group',
  allergies: 'allergies',
  insuranceProvider: 'insurance provider',
  insuranceNumber: 'insurance number',
};
type Draft = Record<Key, string>;

function draftOf(p: PatientView | null): Draft {
  return {
    fullName: p?.fullName ?? '',
    dateOfBirth: p?.dateOfBirth ?? '',
    sex: p?.sex ?? 'unknown',
    phone: p?.phone ?? '',
    bloodGroup: p?.bloodGroup ?? '',
    allergies: p?.allergies ?? '',
    insuranceProvider: p?.insuranceProvider ?? '',
    insuranceNumber: p?.insuranceNumber ?? '',
  };
}

/** The request a draft stands for; an emptied field is sent as '' (or null), which the server stores as "none". */
function requestOf(d: Draft): PatientRequest {
  return { ...d, sex: d.sex as Sex, bloodGroup: d.bloodGroup ? (d.bloodGroup as BloodGroup) : null };
}

/**
 * A patient's whole profile, to read and edit, or to register a new patient. Registering someone who may already be
 * registered (same name and date of birth, or same phone) shows the server's possible duplicates: open one of them
 * (`patient-open`) or register anyway. Fires `patient-saved` with the server's patient, or `form-cancel`.
 */
@customElement('mq-patient-form')
export class MqPatientForm extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .meta {
        margin: -0.5rem 0 1rem;
        color: var(--mq-color-text-muted);
      }
      .warning {
        margin-top: 1.25rem;
        padding: 1rem 1.25rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-warning-soft);
        color: var(--mq-color-warning);
      }
      .warning h3 {
        margin: 0 0 0.5rem;
        font-size: 1.05rem;
      }
      .warning ul {
        margin: 0.5rem 0 0.75rem;
        padding: 0;
        list-style: none;
      }
      .warning li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        padding: 0.5rem 0;
        border-top: 1px solid rgb(0 0 0 / 0.08);
        color: var(--mq-color-text);
      }
      .why {
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
      }
    `,
  ];

  /** The patient being edited, or null to register one. */
  @property({ attribute: false }) patient: PatientView | null = null;

  @state() private draft: Draft = draftOf(null);
  @state() private saving = false;
  @state() private error: unknown = null;
  @state() private duplicates: { list: PossibleDuplicate[]; message: string } | null = null;
  @state() private saved = '';
  /** Fields the user is editing that the record also changed underneath (see willUpdate), with the record's value. */
  @state() private clashes: Array<{ key: Key; recorded: string }> = [];
  /** Set while this form's own save comes back as the new `patient`: the saved record then replaces the draft. */
  private ownSave = false;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('patient')) return;
    const previous = changed.get('patient') as PatientView | null | undefined;
    const samePatient = !!previous && !!this.patient && previous.id === this.patient.id;
    if (samePatient && !this.ownSave) {
      // The record changed under the form (reception confirmed what the patient reported): the untouched fields
      // take the new values and the user's edits stay, so nothing typed is lost; where both changed, say so.
      const before = draftOf(previous);
      const after = draftOf(this.patient);
      const draft = { ...after };
      const clashes: Array<{ key: Key; recorded: string }> = [];
      for (const key of Object.keys(after) as Key[]) {
        if (this.draft[key] === before[key]) continue;
        draft[key] = this.draft[key];
        if (after[key] !== before[key] && after[key] !== this.draft[key]) clashes.push({ key, recorded: after[key] });
      }
      this.draft = draft;
      this.clashes = clashes;
      return;
    }
    this.ownSave = false;
    this.draft = draftOf(this.patient);
    this.clashes = [];
    // The same patient coming back saved keeps its "Saved" line; another patient starts clean.
    if (samePatient) return;
    this.error = null;
    this.duplicates = null;
    this.saved = '';
  }

  render() {
    const p = this.patient;
    const problem = formLevelMessage(this.error);
    return html`
      ${p ? html`<p class="meta">Record number <strong>${p.medicalRecordNumber}</strong> · registered ${formatDateOf(p.createdAt)}</p>` : nothing}
      <form @submit=${this.submit} novalidate>
        <div class="fields">
          ${this.input('fullName', 'Full name', { autocomplete: 'off' })}
          ${this.input('dateOfBirth', 'Date of birth', { type: 'date', max: clinicDay() })}
          <div class="field">
            <label for="sex">Sex</label>
            <select id="sex" @change=${this.set('sex')}>
              ${(Object.keys(SEX_LABELS) as Sex[]).map((s) => html`<option value=${s} ?selected=${this.draft.sex === s}>${SEX_LABELS[s]}</option>`)}
            </select>
            ${fieldErrorLine('sex-error', fieldMessage(this.error, 'sex'))}
          </div>
          ${this.input('phone', 'Phone', { type: 'tel', autocomplete: 'off' })}
          <div class="field">
            <label for="bloodGroup">Blood group</label>
            <select id="bloodGroup" @change=${this.set('bloodGroup')}>
              <option value="" ?selected=${!this.draft.bloodGroup}>Not known</option>
              ${BLOOD_GROUPS.map((g) => html`<option value=${g} ?selected=${this.draft.bloodGroup === g}>${g}</option>`)}
            </select>
            ${fieldErrorLine('bloodGroup-error', fieldMessage(this.error, 'bloodGroup'))}
          </div>
          ${this.input('insuranceProvider', 'Insurance provider')} ${this.input('insuranceNumber', 'Insurance number')}
          <div class="field wide">
            <label for="allergies">Allergies</label>
            <textarea id="allergies" .value=${this.draft.allergies} aria-describedby="allergies-error" placeholder="None known"
              @input=${this.set('allergies')}></textarea>
            ${fieldErrorLine('allergies-error', fieldMessage(this.error, 'allergies'))}
          </div>
        </div>
        ${this.clashes.length
          ? html`<p class="warning" role="alert">
              While you were editing, the record changed:
              ${this.clashes.map(({ key, recorded }, i) => html`${i ? '; ' : ''}${FIELD_LABELS[key]} now “${recorded || 'empty'}”`)}.
              Your edit is kept: save to replace it, or close to see the record as it is.
            </p>`
          : nothing}
        ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
        ${this.saved ? html`<p class="ok" role="status">${this.saved}</p>` : nothing}
        ${this.duplicates ? this.renderDuplicates(this.duplicates.list, this.duplicates.message) : nothing}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.saving || !!this.duplicates}>
            ${this.saving ? 'Saving…' : p ? 'Save changes' : 'Register patient'}
          </button>
          <button type="button" @click=${this.cancel}>${p ? 'Close' : 'Cancel'}</button>
        </div>
      </form>
    `;
  }

  private renderDuplicates(list: PossibleDuplicate[], message: string) {
    return html`<div class="warning" role="alert" aria-labelledby="dup-title">
      <h3 id="dup-title">Possible duplicate</h3>
      <div>${message}</div>
      <ul>
        ${list.map(
          ({ patient, reasons }) => html`<li>
            <span>
              <strong>${patient.fullName}</strong>, born ${patient.dateOfBirth}${patient.phone ? `, ${patient.phone}` : ''} · ${patient.medicalRecordNumber}
              <span class="why">(${reasons.map((r) => REASON_WORDS[r]).join(', ')})</span>
            </span>
            <button type="button" @click=${() => this.openExisting(patient)}>Open ${patient.fullName}</button>
          </li>`,
        )}
      </ul>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.saving} @click=${() => this.register(true)}>Register anyway</button>
        <button type="button" @click=${() => (this.duplicates = null)}>Change the details</button>
      </div>
    </div>`;
  }

  private set(key: Key) {
    return (e: Event) => {
      this.draft = { ...this.draft, [key]: (e.target as HTMLInputElement).value };
      this.saved = '';
    };
  }

  private input(key: Key, label: string, options: { type?: string; autocomplete?: string; max?: string } = {}) {
    const message = fieldMessage(this.error, key);
    return html`<div class="field">
      <label for=${key}>${label}</label>
      <input id=${key} type=${options.type ?? 'text'} autocomplete=${options.autocomplete ?? 'off'} max=${options.max ?? nothing}
        .value=${this.draft[key]} aria-invalid=${message ? 'true' : 'false'} aria-describedby=${`${key}-error`} @input=${this.set(key)} />
      ${fieldErrorLine(`${key}-error`, message)}
    </div>`;
  }

  private submit(event: Event): Promise<void> {
    event.preventDefault();
    return this.patient ? this.save(this.patient) : this.register(false);
  }

  private async register(confirmDuplicate: boolean): Promise<void> {
    await this.run(async () => {
      const result = await registerPatient({ ...requestOf(this.draft), confirmDuplicate });
      if ('duplicates' in result) {
        this.duplicates = { list: result.duplicates, message: result.message };
        return;
      }
      this.duplicates = null;
      this.emit('patient-saved', result.patient);
    });
  }

  private async save(patient: PatientView): Promise<void> {
    const before = draftOf(patient);
    const after = requestOf(this.draft);
    const changes = Object.fromEntries(
      (Object.keys(before) as Key[]).filter((k) => before[k] !== this.draft[k]).map((k) => [k, after[k]]),
    ) as Partial<PatientRequest>;
    if (!Object.keys(changes).length) {
      this.saved = 'Nothing has changed.';
      return;
    }
    await this.run(async () => {
      const updated = await updatePatient(patient.id, changes);
      this.emit('patient-saved', updated);
      this.saved = `Saved ${updated.fullName}.`;
    });
  }

  private async run(step: () => Promise<void>): Promise<void> {
    this.saving = true;
    this.error = null;
    this.saved = '';
    try {
      await step();
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
    }
  }

  private openExisting(patient: PatientView): void {
    this.emit('patient-open', patient);
  }

  private emit(type: 'patient-saved' | 'patient-open', patient: PatientView): void {
    if (type === 'patient-saved') this.ownSave = true;
    this.dispatchEvent(new CustomEvent(type, { detail: patient, bubbles: true, composed: true }));
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('form-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-patient-form': MqPatientForm;
  }
}
