import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { StaffQueueEntry } from '../../common/api';
import type { Icd10Entry, Icd10SearchResponse, PrescriptionItemInput, RecordPatchRequest, RecordView, SignOffResponse } from '../../common/records';
import { VITAL_FIELDS, VITALS, checkVital, computeBmi, type VitalField } from '../../common/vitals';
import { ApiError, apiFetch, apiGet, apiPost } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { recordStyles } from './record-styles';
import { staffButtonStyles } from './staff-buttons';
import { draftStore, type LocalDraft } from './draft-store';
import type { RecordChangedEvent, RowsChangeEvent } from './events';
import { ROW_FIELDS, type PrescriptionRow } from './mq-prescription-rows';
import './mq-patient-summary';
import './mq-record-addenda';

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
  static styles = [baseStyles, staffButtonStyles, recordStyles];

  /** The visit: in consultation with this doctor, or the one just completed or signed. */
  @property({ attribute: false }) entry!: StaffQueueEntry;
  /** The signed-in doctor: unsaved edits are kept in the browser under their id. */
  @property({ type: Number }) userId = 0;

  @state() private record: RecordView | null = null;
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
  /** A save was refused because the session ended: it is sent again once the same doctor signs in. */
  private waitingForSignIn = false;

  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | null = null;
  /** True when something changed after the save now under way started. */
  private dirty = false;
  private icdTimer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('session-renewed', this.onSessionRenewed);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('session-renewed', this.onSessionRenewed);
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
      <mq-patient-summary .patientId=${record.patientId} .currentEntryId=${record.queueEntryId}></mq-patient-summary>
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
      ${ro ? this.renderSigned(record) : this.renderSignOff()}
    `;
  }

  private renderSignOff() {
    // A visit already over (completed with D, or transferred) is signed on its own: nobody is called.
    const ended = this.entry.status === 'completed' || this.entry.status === 'transferred';
    return html`<footer>
      ${ended ? html`<p class="note">This visit is ${this.entry.status}. Sign the record to finish it.</p>` : nothing}
      <button type="button" class="primary" ?disabled=${this.signing} @click=${this.signOff}>${ended ? 'Sign off' : 'Sign off and call next'}</button>
    </footer>`;
  }

  /** Read-only from here: the printed prescription (the server prints signed records with medicines) and addenda. */
  private renderSigned(record: RecordView) {
    return html`${record.items.length
        ? html`<footer>
            <a class="print" href=${`/api/records/${record.id}/prescription`} target="_blank" rel="noopener">Print prescription</a>
          </footer>`
        : nothing}
      <mq-record-addenda .record=${record} @record-changed=${(e: RecordChangedEvent) => (this.record = e.detail)}></mq-record-addenda>`;
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
      this.restoreLocalDraft(record);
    } catch (error) {
      this.problem = messageOf(error);
    }
  }

  /**
   * Puts back edits that never reached the server (the session ended, the tab closed while offline) and saves
   * them. Only onto the revision they were made on: a record changed since (another tab) wins, and the doctor is told.
   */
  private restoreLocalDraft(record: RecordView): void {
    const local = this.userId ? draftStore.read(this.userId, record.id) : null;
    if (!local) return;
    if (record.status !== 'draft' || local.revision !== record.revision) {
      draftStore.forget(this.userId, record.id);
      if (record.status === 'draft') this.problem = 'Changes kept on this computer were older than the saved record and were not put back.';
      return;
    }
    this.edit(() => {
      this.vitals = local.vitals;
      this.texts = local.texts;
      this.icd10 = local.icd10;
      this.rows = local.rows;
    });
    void this.save();
  }

  private localDraft(): LocalDraft {
    return { revision: this.record!.revision, vitals: this.vitals, texts: this.texts, icd10: this.icd10, rows: this.rows };
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
    if (this.userId) draftStore.save(this.userId, this.record.id, this.localDraft());
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
    if (this.dirty && !this.waitingForSignIn) this.saveTimer = setTimeout(() => void this.save(), AUTOSAVE_DELAY_MS);
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
      if (this.userId) {
        if (this.dirty) draftStore.save(this.userId, saved.id, this.localDraft());
        else draftStore.forget(this.userId, saved.id);
      }
    } catch (error) {
      this.saveState = 'error';
      if (error instanceof ApiError && error.status === 401) {
        // Kept in memory and in the browser (edit() stored it); saved again right after the doctor signs in.
        this.dirty = true;
        this.waitingForSignIn = true;
        this.problem = 'Your session has ended, so these changes are not saved yet. Sign in again to save them; they are kept on this computer meanwhile.';
      } else if (error instanceof ApiError && error.id === 'allergy_conflict') {
        this.allergyQuestion = error.message;
      } else if (error instanceof ApiError && error.id === 'stale_draft') {
        this.problem = `${error.message} The latest saved version is shown.`;
        this.load(await apiPost<RecordView>('/api/records', { queueEntryId: this.entry.id }));
      } else {
        this.problem = messageOf(error);
      }
    }
  }

  /** The same doctor signed in again: send what the ended session refused. */
  private readonly onSessionRenewed = (): void => {
    if (!this.waitingForSignIn) return;
    this.waitingForSignIn = false;
    this.problem = '';
    void this.save();
  };

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
      if (this.userId) draftStore.forget(this.userId, result.record.id);
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
