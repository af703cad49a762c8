import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { StaffQueueEntry } from '../../common/api';
import type { Icd10Entry, Icd10SearchResponse, PatientSummary, PrescriptionItemInput, RecordPatchRequest, RecordView, SignOffResponse } from '../../common/records';
import { VITAL_FIELDS, VITALS, checkVital, computeBmi, type VitalField } from '../../common/vitals';
import { ApiError, apiFetch, apiGet, apiPost } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { staffButtonStyles } from './staff-buttons';
import type { RowsChangeEvent } from './events';
import { ROW_FIELDS, type PrescriptionRow } from './mq-prescription-rows';

/** How long typing must pause before the draft is saved. */
const AUTOSAVE_DELAY_MS = 700;

type TextField = 'chiefComplaint' | 'diagnosis' | 'notes';
type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * The consultation record of one visit (issue 6): opens or creates the draft (POST /api/records), lets the doctor
 * enter vitals (with units, range hints and the server's flags), chief complaint, diagnosis with an ICD-10 code, notes
 * and prescription rows, saves itself as the doctor types (debounced PATCH carrying the revision), asks before
 * prescribing against a recorded allergy, and signs off; a signed record is shown read-only.
 */
@customElement('mq-consultation-record')
export class MqConsultationRecord extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      :host {
        display: block;
        padding: 1.5rem;
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        box-shadow: var(--mq-shadow);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.5rem 1rem;
        margin-bottom: 1rem;
      }
      h2 {
        margin: 0;
        font-size: 1.4rem;
      }
      h3 {
        margin: 1.5rem 0 0.75rem;
        font-size: 1.1rem;
      }
      .saved {
        margin-inline-start: auto;
        color: var(--mq-color-text-muted);
        font-weight: 600;
      }
      .saved.error {
        color: var(--mq-color-danger);
      }
      .signed {
        padding: 0.2rem 0.6rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-success-soft);
        color: var(--mq-color-success);
        font-weight: 700;
      }
      .patient {
        margin: 0 0 0.5rem;
        color: var(--mq-color-text-muted);
      }
      .allergies {
        margin: 0 0 1rem;
        padding: 0.6rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-surface-alt);
      }
      .allergies.known {
        background: var(--mq-color-danger-soft);
        color: var(--mq-color-danger);
        font-size: 1.1rem;
        font-weight: 600;
      }
      .vitals {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0.9rem;
      }
      label {
        display: block;
        margin-bottom: 0.3rem;
        font-weight: 600;
        font-size: 0.95rem;
      }
      .unit {
        display: flex;
        align-items: center;
        gap: 0.4rem;
      }
      input,
      textarea {
        width: 100%;
        min-height: 2.6rem;
        padding: 0.45rem 0.7rem;
        border: 1.5px solid var(--mq-color-border);
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-surface);
        color: inherit;
        font: inherit;
      }
      input[aria-invalid='true'] {
        border-color: var(--mq-color-danger);
      }
      input:read-only,
      textarea:read-only {
        background: var(--mq-color-surface-alt);
      }
      .hint {
        margin: 0.25rem 0 0;
        font-size: 0.85rem;
        color: var(--mq-color-text-muted);
      }
      .hint.bad {
        color: var(--mq-color-danger);
      }
      .flags {
        margin: 0.75rem 0 0;
        padding: 0.6rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-warning-soft);
        color: var(--mq-color-warning);
      }
      .fields {
        display: grid;
        gap: 0.9rem;
      }
      .icd-results {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-top: 0.4rem;
      }
      .problem {
        padding: 0.75rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-danger-soft);
        color: var(--mq-color-danger);
        font-weight: 500;
      }
      .confirm {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem;
        margin-top: 1rem;
        padding: 0.75rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-warning-soft);
      }
      footer {
        display: flex;
        justify-content: flex-end;
        margin-top: 1.5rem;
      }
    `,
  ];

  /** The visit: in consultation with this doctor, or the one just signed. */
  @property({ attribute: false }) entry!: StaffQueueEntry;

  @state() private record: RecordView | null = null;
  /** The patient's summary (age, sex, blood group, allergies), shown above the form. */
  @state() private summary: PatientSummary | null = null;
  @state() private vitals: Record<VitalField, string> = blankVitals();
  @state() private texts: Record<TextField, string> = { chiefComplaint: '', diagnosis: '', notes: '' };
  @state() private icd10: Icd10Entry | null = null;
  @state() private icdQuery = '';
  @state() private icdResults: Icd10Entry[] = [];
  @state() private rows: PrescriptionRow[] = [];
  @state() private saveState: SaveState = 'idle';
  /** A refusal or failure to show above the form, in the server's words. */
  @state() private problem = '';
  /** The server's allergy refusal, waiting for the doctor's answer. */
  @state() private allergyQuestion = '';
  @state() private signing = false;

  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | null = null;
  /** True when something changed after the save now under way started. */
  private dirty = false;
  private icdTimer: ReturnType<typeof setTimeout> | undefined;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.saveTimer);
    clearTimeout(this.icdTimer);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('entry') && this.entry && this.record?.queueEntryId !== this.entry.id) void this.open();
  }

  render() {
    const record = this.record;
    const entry = this.entry;
    if (!record) {
      return html`<h2>Consultation record · ${entry.token}</h2>
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : html`<p>Opening the record…</p>`}`;
    }
    const ro = record.status === 'signed';
    return html`
      <header>
        <h2>Consultation record · ${entry.token} · ${entry.patient?.fullName ?? ''}</h2>
        ${ro
          ? html`<span class="signed">Signed${record.signedAt ? ` ${new Date(record.signedAt).toLocaleTimeString()}` : ''}</span>`
          : html`<span class="saved ${this.saveState === 'error' ? 'error' : ''}" role="status">${saveLabel(this.saveState)}</span>`}
      </header>
      ${this.renderSummary()}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.renderVitals(ro)}
      <h3>Consultation</h3>
      <div class="fields">
        ${this.renderText('chiefComplaint', 'Chief complaint', ro)} ${this.renderText('diagnosis', 'Diagnosis', ro)}
        ${this.renderIcd(ro)} ${this.renderText('notes', 'Notes', ro, true)}
      </div>
      ${this.renderRows(ro)}
      ${this.allergyQuestion
        ? html`<div class="confirm" role="alert">
            <span>${this.allergyQuestion}</span>
            <button type="button" @click=${this.confirmAllergy}>Prescribe anyway</button>
          </div>`
        : nothing}
      ${ro
        ? nothing
        : html`<footer>
            <button type="button" class="primary" ?disabled=${this.signing} @click=${this.signOff}>Sign off and call next</button>
          </footer>`}
    `;
  }

  private renderSummary() {
    const summary = this.summary;
    if (!summary) return nothing;
    const { patient, clinical } = summary;
    return html`<p class="patient">
        ${[patient.age === null ? null : `${patient.age} years`, patient.sex, clinical?.bloodGroup ? `Blood group ${clinical.bloodGroup}` : null,
          patient.insurance.provider ? `Insurance: ${patient.insurance.provider}` : null].filter(Boolean).join(' · ')}
      </p>
      <p class="allergies ${clinical?.allergies ? 'known' : ''}">
        <strong>Allergies:</strong> ${clinical?.allergies || 'None recorded'}
      </p>`;
  }

  private renderVitals(ro: boolean) {
    const bmi = computeBmi(this.vitalNumber('weightKg'), this.vitalNumber('heightCm'));
    return html`<h3>Vitals</h3>
      <div class="vitals">
        ${VITAL_FIELDS.map((field) => {
          const spec = VITALS[field];
          const error = this.vitalError(field);
          return html`<div>
            <label for=${field}>${spec.label}</label>
            <div class="unit">
              <input
                id=${field}
                inputmode="decimal"
                .value=${live(this.vitals[field])}
                ?readonly=${ro}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${`${field}-hint`}
                @input=${(e: InputEvent) => this.edit(() => (this.vitals = { ...this.vitals, [field]: (e.target as HTMLInputElement).value }))}
              />
              <span>${spec.unit}</span>
            </div>
            <p class="hint ${error ? 'bad' : ''}" id=${`${field}-hint`}>${error ?? `${spec.min}–${spec.max}`}</p>
          </div>`;
        })}
        <div><label>BMI</label><p>${bmi ?? '–'}</p></div>
      </div>
      ${this.record?.flags.length
        ? html`<ul class="flags" aria-label="Flagged vitals">${this.record.flags.map((f) => html`<li>${f.message}</li>`)}</ul>`
        : nothing}`;
  }

  private renderText(field: TextField, label: string, ro: boolean, multiline = false) {
    const onInput = (e: InputEvent) => this.edit(() => (this.texts = { ...this.texts, [field]: (e.target as HTMLInputElement).value }));
    return html`<div>
      <label for=${field}>${label}</label>
      ${multiline
        ? html`<textarea id=${field} rows="3" .value=${live(this.texts[field])} ?readonly=${ro} @input=${onInput}></textarea>`
        : html`<input id=${field} .value=${live(this.texts[field])} ?readonly=${ro} @input=${onInput} />`}
    </div>`;
  }

  private renderIcd(ro: boolean) {
    return html`<div>
      <label for="icd10">ICD-10 code</label>
      ${this.icd10 ? html`<p><strong>${this.icd10.code}</strong> ${this.icd10.title}
        ${ro ? nothing : html`<button type="button" @click=${() => this.edit(() => (this.icd10 = null))}>Clear</button>`}</p>` : nothing}
      ${ro
        ? this.icd10 ? nothing : html`<p>–</p>`
        : html`<input id="icd10" type="search" placeholder="Search by code or words" .value=${live(this.icdQuery)} @input=${this.onIcdInput} />
          <div class="icd-results">
            ${this.icdResults.map(
              (r) => html`<button type="button" @click=${() => this.edit(() => ((this.icd10 = r), (this.icdResults = []), (this.icdQuery = '')))}>${r.code} ${r.title}</button>`,
            )}
          </div>`}
    </div>`;
  }

  private renderRows(ro: boolean) {
    const matches = new Map((this.record?.items ?? []).map((i) => [i.medicine, i.allergyMatches]));
    return html`<h3>Prescription</h3>
      <mq-prescription-rows
        .rows=${this.rows}
        .allergyMatches=${matches}
        ?readonly=${ro}
        @rows-change=${(e: RowsChangeEvent) => this.edit(() => (this.rows = e.detail))}
      ></mq-prescription-rows>`;
  }

  /** Opens (or, after a reload, finds) the visit's draft. */
  private async open(): Promise<void> {
    this.record = null;
    this.problem = '';
    try {
      const record = await apiPost<RecordView>('/api/records', { queueEntryId: this.entry.id });
      this.load(record);
      void this.loadSummary(record.patientId);
    } catch (error) {
      this.problem = messageOf(error);
    }
  }

  /** The summary is a help, not a need: if it cannot be read, the record still works. */
  private async loadSummary(patientId: number): Promise<void> {
    this.summary = null;
    try {
      this.summary = await apiGet<PatientSummary>(`/api/patients/${patientId}/summary?pageSize=1`);
    } catch {
      this.summary = null;
    }
  }

  /** Puts a record from the server into the form. */
  private load(record: RecordView): void {
    this.record = record;
    this.vitals = Object.fromEntries(VITAL_FIELDS.map((f) => [f, record.vitals[f] === null ? '' : String(record.vitals[f])])) as Record<VitalField, string>;
    this.texts = { chiefComplaint: record.chiefComplaint ?? '', diagnosis: record.diagnosis ?? '', notes: record.notes ?? '' };
    this.icd10 = record.icd10;
    this.rows = record.items.map((i) => ({
      id: i.id, medicine: i.medicine, dose: i.dose ?? '', route: i.route ?? '', frequency: i.frequency ?? '', duration: i.duration ?? '', instructions: i.instructions ?? '',
    }));
  }

  private vitalNumber(field: VitalField): number | null {
    const text = this.vitals[field].trim().replace(',', '.');
    return text === '' ? null : Number(text);
  }

  private vitalError(field: VitalField): string | undefined {
    const checked = checkVital(field, this.vitalNumber(field));
    return 'error' in checked ? checked.error : undefined;
  }

  /** Applies a change to the form and schedules the autosave. */
  private edit(change: () => unknown): void {
    change();
    if (this.record?.status !== 'draft') return;
    this.dirty = true;
    this.saveState = 'pending';
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), AUTOSAVE_DELAY_MS);
  }

  /** Saves the draft now (one save at a time; changes made meanwhile are saved right after). */
  private async save(confirmAllergy = false): Promise<void> {
    clearTimeout(this.saveTimer);
    if (this.saving) {
      await this.saving;
      if (!this.dirty && !confirmAllergy) return;
    }
    if (!this.record || this.record.status !== 'draft') return;
    this.dirty = false;
    this.saveState = 'saving';
    this.saving = this.sendPatch(confirmAllergy).finally(() => (this.saving = null));
    await this.saving;
    if (this.dirty) this.saveTimer = setTimeout(() => void this.save(), AUTOSAVE_DELAY_MS);
  }

  private async sendPatch(confirmAllergy: boolean): Promise<void> {
    const record = this.record!;
    const vitals: Partial<Record<VitalField, number | null>> = {};
    // A value out of range stays on screen with its hint and is not sent, so the rest of the draft still saves.
    for (const f of VITAL_FIELDS) if (!this.vitalError(f)) vitals[f] = this.vitalNumber(f);
    const items: PrescriptionItemInput[] = this.rows
      .filter((r) => r.medicine.trim())
      .map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        medicine: r.medicine.trim(),
        ...Object.fromEntries(ROW_FIELDS.map(([f]) => [f, r[f].trim() || null])),
      }));
    const body: RecordPatchRequest = {
      revision: record.revision,
      vitals,
      chiefComplaint: this.texts.chiefComplaint.trim() || null,
      diagnosis: this.texts.diagnosis.trim() || null,
      icd10Code: this.icd10?.code ?? null,
      notes: this.texts.notes.trim() || null,
      items,
      ...(confirmAllergy ? { confirmAllergy: true } : {}),
    };
    try {
      const saved = await apiFetch<RecordView>(`/api/records/${record.id}`, { method: 'PATCH', body });
      this.record = saved;
      // Keep what the doctor is typing; take only the row ids the server gave, matched by medicine, each id once.
      const unclaimed = [...saved.items];
      this.rows = this.rows.map((r) => {
        const at = unclaimed.findIndex((i) => i.medicine === r.medicine.trim());
        return { ...r, id: at < 0 ? undefined : unclaimed.splice(at, 1)[0].id };
      });
      this.problem = '';
      this.allergyQuestion = '';
      this.saveState = this.dirty ? 'pending' : 'saved';
    } catch (error) {
      this.saveState = 'error';
      if (error instanceof ApiError && error.id === 'allergy_conflict') {
        this.allergyQuestion = error.message;
      } else if (error instanceof ApiError && error.id === 'stale_draft') {
        this.problem = `${error.message} The latest saved version is shown.`;
        this.load(await apiPost<RecordView>('/api/records', { queueEntryId: this.entry.id }));
      } else {
        this.problem = messageOf(error);
      }
    }
  }

  private readonly confirmAllergy = async (): Promise<void> => {
    this.allergyQuestion = '';
    await this.save(true);
  };

  private readonly onIcdInput = (e: InputEvent): void => {
    this.icdQuery = (e.target as HTMLInputElement).value;
    clearTimeout(this.icdTimer);
    const q = this.icdQuery.trim();
    if (!q) {
      this.icdResults = [];
      return;
    }
    this.icdTimer = setTimeout(async () => {
      try {
        const { results } = await apiGet<Icd10SearchResponse>(`/api/icd10?q=${encodeURIComponent(q)}&limit=8`);
        if (q === this.icdQuery.trim()) this.icdResults = results;
      } catch {
        this.icdResults = [];
      }
    }, 250);
  };

  /** Saves what is left, then signs: the visit completes and the next patient is called in one step. */
  private readonly signOff = async (): Promise<void> => {
    if (!this.record || this.signing) return;
    this.signing = true;
    this.problem = '';
    try {
      if (this.dirty || this.saveState === 'pending' || this.saving) await this.save();
      if (this.saveState === 'error') return;
      const result = await apiPost<SignOffResponse>(`/api/records/${this.record.id}/sign`, {
        revision: this.record.revision,
        expectedVersion: this.entry.version,
      });
      this.load(result.record);
      this.dispatchEvent(new CustomEvent('record-signed', { detail: result, bubbles: true, composed: true }));
    } catch (error) {
      this.problem = messageOf(error);
    } finally {
      this.signing = false;
    }
  };
}

function blankVitals(): Record<VitalField, string> {
  return Object.fromEntries(VITAL_FIELDS.map((f) => [f, ''])) as Record<VitalField, string>;
}

function saveLabel(state: SaveState): string {
  return { idle: '', pending: 'Unsaved changes…', saving: 'Saving…', saved: 'Saved', error: 'Not saved' }[state];
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-consultation-record': MqConsultationRecord;
  }
}
