import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { StaffQueueEntry } from '../../../common/api';
import { RECORD_FIELD_LABELS, maxLengthOf, type RecordTextField } from '../../../common/record-fields';
import type { Icd10Entry, RecordView, SignOffResponse } from '../../../common/records';
import { VITAL_FIELDS, type VitalField } from '../../../common/vitals';
import { ApiError, apiFetch, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { recordStyles } from './record-styles';
import { AutosaveController } from '../shared/autosave-controller';
import { formatDateTime } from '../shared/clinic-format';
import { staffButtonStyles } from '../shared/staff-buttons';
import { draftStore, type LocalDraft } from './draft-store';
import type { Icd10ChangeEvent, RecordChangedEvent, RowsChangeEvent, VitalInputEvent } from '../shared/events';
import { buildPatch, formProblems, type FieldProblem, type RecordForm } from './record-form';
import type { MqPrescriptionRows, PrescriptionRow } from './mq-prescription-rows';
import type { MqRecordVitals } from './mq-record-vitals';
import './mq-icd10-picker';
import './mq-patient-summary';
import './mq-prescription-rows';
import './mq-record-addenda';
import './mq-record-vitals';
import './mq-visit-timeline';

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * The consultation record of one visit (issues 6 and 19): opens or creates the draft (POST /api/records), lets the
 * doctor enter vitals, chief complaint, diagnosis with an ICD-10 code, notes and prescription rows, and saves itself
 * as the doctor types. Each field is checked with the server's own schema (common/record-fields.ts): a field with a
 * problem is marked where it is and left out of the save, so every other field still saves. Sign-off never fails
 * silently: with a problem or an unsaved change left it focuses the first one and says so next to the button.
 */
@customElement('mq-consultation-record')
export class MqConsultationRecord extends LitElement {
  static styles = [baseStyles, staffButtonStyles, recordStyles];

  /** The visit: in consultation with this doctor, or the one just completed or signed. */
  @property({ attribute: false }) entry!: StaffQueueEntry;
  /** The signed-in doctor: unsaved edits are kept in the browser under their id. */
  @property({ type: Number }) userId = 0;

  @state() private record: RecordView | null = null;
  @state() private form: RecordForm = blankForm();
  /** Fields the server refused (422), by path, until they are edited again. */
  @state() private refused: FieldProblem[] = [];
  @state() private saveState: SaveState = 'idle';
  /** A refusal or failure to show above the form, in the server's words. */
  @state() private problem = '';
  /** Why sign-off did not happen, shown next to its button. */
  @state() private signOffProblem = '';
  /** The server's allergy refusal, waiting for the doctor's answer. */
  @state() private allergyQuestion = '';
  @state() private signing = false;
  /** Saves after a pause in typing, one save at a time; paused while a save waits for the doctor to sign in again. */
  private readonly autosave = new AutosaveController(
    this,
    (force) => {
      this.saveState = 'saving';
      return this.sendPatch(force);
    },
    () => this.record?.status === 'draft',
  );

  @query('mq-record-vitals') private vitalsEl?: MqRecordVitals;
  @query('mq-prescription-rows') private rowsEl?: MqPrescriptionRows;

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('session-renewed', this.onSessionRenewed);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('session-renewed', this.onSessionRenewed);
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('entry') && this.entry && this.record?.queueEntryId !== this.entry.id) void this.open();
  }

  /** Every field that cannot be saved as it is: the form's own checks, then the server's refusals. */
  private problems(): FieldProblem[] {
    const own = formProblems(this.form);
    return [...own, ...this.refused.filter((r) => !own.some((p) => p.path === r.path))];
  }

  render() {
    const record = this.record;
    const entry = this.entry;
    if (!record) {
      return html`<h2>Consultation record · ${entry.token}</h2>
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : html`<p>Opening the record…</p>`}`;
    }
    const ro = record.status === 'signed';
    const problems = ro ? [] : this.problems();
    const byPath = new Map(problems.map((p) => [p.path, p.message]));
    const vitalProblems = new Map(VITAL_FIELDS.filter((f) => byPath.has(`vitals.${f}`)).map((f) => [f, byPath.get(`vitals.${f}`)!]));
    return html`
      <header>
        <h2 data-patient-id=${record.patientId}>Consultation record · ${entry.token} · ${entry.patient?.fullName ?? ''}</h2>
        ${ro
          ? html`<span class="signed">Signed${record.signedAt ? ` ${formatDateTime(record.signedAt)}` : ''}</span>`
          : html`<span class="saved ${this.saveState === 'error' || (problems.length && this.saveState === 'saved') ? 'error' : ''}" role="status">${saveLabel(this.saveState, problems)}</span>`}
      </header>
      <mq-patient-summary .patientId=${record.patientId} .currentEntryId=${record.queueEntryId}></mq-patient-summary>
      <mq-visit-timeline .entryId=${record.queueEntryId} .refreshKey=${`${entry.status}-${entry.version}-${record.status}-${record.addenda.length}`}></mq-visit-timeline>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      <mq-record-vitals
        .values=${this.form.vitals}
        .problems=${vitalProblems}
        .flags=${record.flags}
        ?readonly=${ro}
        @vital-input=${(e: VitalInputEvent) => this.edit(`vitals.${e.detail.field}`, { vitals: { ...this.form.vitals, [e.detail.field]: e.detail.value } })}
      ></mq-record-vitals>
      <h3>Consultation</h3>
      <div class="fields">
        ${this.renderText('chiefComplaint', ro, byPath)} ${this.renderText('diagnosis', ro, byPath)}
        <div>
          <mq-icd10-picker .value=${this.form.icd10} ?readonly=${ro} @icd10-change=${(e: Icd10ChangeEvent) => this.edit('icd10Code', { icd10: e.detail })}></mq-icd10-picker>
        </div>
        ${this.renderText('notes', ro, byPath, true)}
      </div>
      <h3>Prescription</h3>
      <mq-prescription-rows
        .rows=${this.form.rows}
        .allergyMatches=${new Map(record.items.map((i) => [i.medicine, i.allergyMatches]))}
        .problems=${new Map([...byPath].filter(([p]) => p.startsWith('items.')))}
        ?readonly=${ro}
        @rows-change=${(e: RowsChangeEvent) => this.edit('items', { rows: e.detail })}
      ></mq-prescription-rows>
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
      <button type="button" class="primary" aria-describedby="signoff-problem" ?disabled=${this.signing} @click=${this.signOff}>
        ${ended ? 'Sign off' : 'Sign off and call next'}
      </button>
      <p class="signoff-problem" id="signoff-problem" role="alert">${this.signOffProblem}</p>
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

  private renderText(field: RecordTextField, ro: boolean, problems: Map<string, string>, multiline = false) {
    const error = problems.get(field);
    const onInput = (e: InputEvent) => this.edit(field, { texts: { ...this.form.texts, [field]: (e.target as HTMLInputElement).value } });
    const attrs = { id: field, max: maxLengthOf(field), invalid: error ? 'true' : 'false', hint: `${field}-hint` };
    return html`<div>
      <label for=${field}>${RECORD_FIELD_LABELS[field]}</label>
      ${multiline
        ? html`<textarea id=${attrs.id} rows="3" maxlength=${attrs.max} aria-invalid=${attrs.invalid} aria-describedby=${attrs.hint} .value=${live(this.form.texts[field])} ?readonly=${ro} @input=${onInput}></textarea>`
        : html`<input id=${attrs.id} maxlength=${attrs.max} aria-invalid=${attrs.invalid} aria-describedby=${attrs.hint} .value=${live(this.form.texts[field])} ?readonly=${ro} @input=${onInput} />`}
      <p class="hint ${error ? 'bad' : ''}" id=${attrs.hint}>${error ? `Not saved: ${error}` : nothing}</p>
    </div>`;
  }

  /** Opens (or, after a reload, finds) the visit's draft. */
  private async open(): Promise<void> {
    this.record = null;
    this.problem = '';
    this.signOffProblem = '';
    this.refused = [];
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
    this.edit('', { vitals: local.vitals, texts: local.texts, icd10: local.icd10, rows: local.rows });
    void this.save();
  }

  private localDraft(): LocalDraft {
    return { revision: this.record!.revision, ...this.form };
  }

  /** Puts a record from the server into the form. */
  private load(record: RecordView): void {
    this.record = record;
    this.form = {
      vitals: Object.fromEntries(VITAL_FIELDS.map((f) => [f, record.vitals[f] === null ? '' : String(record.vitals[f])])) as Record<VitalField, string>,
      texts: { chiefComplaint: record.chiefComplaint ?? '', diagnosis: record.diagnosis ?? '', notes: record.notes ?? '' },
      icd10: record.icd10,
      rows: record.items.map((i) => ({
        id: i.id, medicine: i.medicine, dose: i.dose ?? '', route: i.route ?? '', frequency: i.frequency ?? '', duration: i.duration ?? '', instructions: i.instructions ?? '',
      })),
    };
  }

  /** Applies a change to the form (clearing the server's refusal of that field) and schedules the autosave. */
  private edit(path: string, change: Partial<RecordForm>): void {
    this.form = { ...this.form, ...change };
    this.refused = this.refused.filter((r) => !(r.path === path || (path === 'items' && r.path.startsWith('items.'))));
    this.signOffProblem = '';
    if (this.record?.status !== 'draft') return;
    if (this.userId) draftStore.save(this.userId, this.record.id, this.localDraft());
    this.saveState = 'pending';
    this.autosave.changed();
  }

  /** Saves the draft now (one save at a time; changes made meanwhile are saved right after). */
  private save(confirmAllergy = false): Promise<void> {
    return this.autosave.saveNow(confirmAllergy);
  }

  private async sendPatch(confirmAllergy: boolean): Promise<void> {
    const record = this.record!;
    // A field with a problem stays on screen, marked, and is not sent, so the rest of the draft still saves.
    const blocked = new Set(this.problems().map((p) => p.path));
    const body = buildPatch(this.form, record.revision, blocked, confirmAllergy);
    try {
      const saved = await apiFetch<RecordView>(`/api/records/${record.id}`, { method: 'PATCH', body });
      this.record = saved;
      // Keep what the doctor is typing; take only the row ids the server gave, matched by medicine, each id once.
      const unclaimed = [...saved.items];
      const rows: PrescriptionRow[] = this.form.rows.map((r) => {
        const at = unclaimed.findIndex((i) => i.medicine === r.medicine.trim());
        return { ...r, id: at < 0 ? undefined : unclaimed.splice(at, 1)[0].id };
      });
      this.form = { ...this.form, rows };
      this.problem = '';
      this.allergyQuestion = '';
      this.saveState = this.autosave.dirty ? 'pending' : 'saved';
      if (this.userId) {
        if (this.autosave.dirty || blocked.size) draftStore.save(this.userId, saved.id, this.localDraft());
        else draftStore.forget(this.userId, saved.id);
      }
    } catch (error) {
      this.saveState = 'error';
      if (error instanceof ApiError && error.status === 401) {
        // Kept in memory and in the browser (edit() stored it); saved again right after the doctor signs in.
        this.autosave.dirty = true;
        this.autosave.paused = true;
        this.problem = 'Your session has ended, so these changes are not saved yet. Sign in again to save them; they are kept on this computer meanwhile.';
      } else if (error instanceof ApiError && error.id === 'allergy_conflict') {
        this.allergyQuestion = error.message;
      } else if (error instanceof ApiError && error.id === 'stale_draft') {
        this.problem = `${error.message} The latest saved version is shown.`;
        this.load(await apiPost<RecordView>('/api/records', { queueEntryId: this.entry.id }));
      } else if (error instanceof ApiError && error.fields?.length) {
        // The server refused some fields: mark them in place and save the others right away without them.
        const fresh = error.fields.filter((f) => !this.refused.some((r) => r.path === f.path));
        this.refused = [...this.refused, ...fresh];
        if (fresh.length) this.autosave.dirty = true;
        else this.problem = error.message;
      } else {
        this.problem = messageOf(error);
      }
    }
  }

  /** Focuses the input of a field path: a vital, a text, or a prescription row's field. */
  private focusPath(path: string): void {
    const [head, second, third] = path.split('.');
    if (head === 'vitals') this.vitalsEl?.focusField(second as VitalField);
    else if (head === 'items') this.rowsEl?.focusField(Number(second), third ?? 'medicine');
    else if (head === 'icd10Code') this.renderRoot.querySelector('mq-icd10-picker')?.focus();
    else this.renderRoot.querySelector<HTMLElement>(`#${head}`)?.focus();
  }

  /** Points at what stops sign-off: focuses the field and says why next to the button. */
  private stopSignOff(path: string | null, message: string): void {
    this.signOffProblem = message;
    if (path) this.focusPath(path);
  }

  /** The same doctor signed in again: send what the ended session refused. */
  private readonly onSessionRenewed = (): void => {
    if (!this.autosave.paused) return;
    this.autosave.paused = false;
    this.problem = '';
    void this.save();
  };

  private readonly confirmAllergy = async (): Promise<void> => {
    this.allergyQuestion = '';
    await this.save(true);
  };

  /**
   * Saves what is left, then signs: the visit completes and the next patient is called in one step. Anything that
   * would make the signed record differ from the screen (a field with a problem, a change not saved, no diagnosis)
   * stops it, with the focus on that field and the reason next to the button.
   */
  private readonly signOff = async (): Promise<void> => {
    if (!this.record || this.signing) return;
    this.signing = true;
    this.signOffProblem = '';
    try {
      if (this.autosave.dirty || this.saveState === 'pending' || this.autosave.busy) await this.save();
      const first = this.problems()[0];
      if (first) return this.stopSignOff(first.path, `Not signed: ${first.message} Correct it first.`);
      if (this.allergyQuestion) return this.stopSignOff(null, 'Not signed: answer the allergy question above first.');
      if (this.saveState === 'error' || this.autosave.dirty) {
        return this.stopSignOff(null, `Not signed: the last changes are not saved. ${this.problem || 'Wait for "Saved", then sign again.'}`);
      }
      if (!this.form.texts.diagnosis.trim()) return this.stopSignOff('diagnosis', 'Not signed: add a diagnosis first.');
      const result = await apiPost<SignOffResponse>(`/api/records/${this.record.id}/sign`, {
        revision: this.record.revision,
        expectedVersion: this.entry.version,
      });
      this.load(result.record);
      if (this.userId) draftStore.forget(this.userId, result.record.id);
      this.dispatchEvent(new CustomEvent('record-signed', { detail: result, bubbles: true, composed: true }));
    } catch (error) {
      const field = error instanceof ApiError ? error.fields?.[0]?.path ?? null : null;
      this.stopSignOff(field, `Not signed: ${messageOf(error)}`);
    } finally {
      this.signing = false;
    }
  };
}

function blankForm(): RecordForm {
  return {
    vitals: Object.fromEntries(VITAL_FIELDS.map((f) => [f, ''])) as Record<VitalField, string>,
    texts: { chiefComplaint: '', diagnosis: '', notes: '' },
    icd10: null as Icd10Entry | null,
    rows: [],
  };
}

function saveLabel(state: SaveState, problems: FieldProblem[]): string {
  if (state === 'saved' && problems.length) return `Saved, except ${problems.length === 1 ? '1 field' : `${problems.length} fields`} marked below`;
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
