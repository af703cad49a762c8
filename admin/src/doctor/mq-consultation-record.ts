import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { StaffQueueEntry } from '../../../common/api';
import { RECORD_FIELD_LABELS, maxLengthOf, type RecordTextField } from '../../../common/record-fields';
import type { RecordView, SignOffResponse } from '../../../common/records';
import { VITAL_FIELDS, type VitalField } from '../../../common/vitals';
import { ApiError, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { recordStyles } from './record-styles';
import { formatDateTime } from '../shared/clinic-format';
import { staffButtonStyles } from '../shared/staff-buttons';
import type { Icd10ChangeEvent, RecordChangedEvent, RowsChangeEvent, VitalInputEvent } from '../shared/events';
import type { FieldProblem, RecordForm } from './record-form';
import { RecordDraftController, messageOf, type SaveState } from './record-draft-controller';
import type { MqPrescriptionRows } from './mq-prescription-rows';
import type { MqRecordVitals } from './mq-record-vitals';
import './mq-icd10-picker';
import './mq-patient-summary';
import './mq-prescription-rows';
import './mq-record-addenda';
import './mq-record-vitals';
import './mq-visit-timeline';

/**
 * The consultation record of one visit (issues 6 and 19): draws the draft (vitals, chief complaint, diagnosis with an
 * ICD-10 code, notes and prescription rows) and signs it off. The draft itself (opening it, autosave, edits kept in
 * the browser, field problems) is a {@link RecordDraftController}; the ICD search, vitals, rows, summary, timeline and
 * addenda are child elements. Sign-off never fails silently: with a problem or an unsaved change left it focuses the
 * first one and says so next to the button.
 */
@customElement('mq-consultation-record')
export class MqConsultationRecord extends LitElement {
  static styles = [baseStyles, staffButtonStyles, recordStyles];

  /** The visit: in consultation with this doctor, or the one just completed or signed. */
  @property({ attribute: false }) entry!: StaffQueueEntry;
  /** The signed-in doctor: unsaved edits are kept in the browser under their id. */
  @property({ type: Number }) userId = 0;

  /** Why sign-off did not happen, shown next to its button. */
  @state() private signOffProblem = '';
  @state() private signing = false;
  /** The draft: the form as typed, autosave, edits kept in the browser, re-sending after a new sign-in. */
  private readonly draft = new RecordDraftController(this, () => ({ entryId: this.entry.id, userId: this.userId }));

  @query('mq-record-vitals') private vitalsEl?: MqRecordVitals;
  @query('mq-prescription-rows') private rowsEl?: MqPrescriptionRows;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('entry') && this.entry && this.draft.record?.queueEntryId !== this.entry.id) {
      this.signOffProblem = '';
      void this.draft.open();
    }
  }

  render() {
    const { record, form, problem } = this.draft;
    const entry = this.entry;
    if (!record) {
      return html`<h2>Consultation record · ${entry.token}</h2>
        ${problem ? html`<p class="problem" role="alert">${problem}</p>` : html`<p>Opening the record…</p>`}`;
    }
    const ro = record.status === 'signed';
    const problems = ro ? [] : this.draft.problems();
    const byPath = new Map(problems.map((p) => [p.path, p.message]));
    const vitalProblems = new Map(VITAL_FIELDS.filter((f) => byPath.has(`vitals.${f}`)).map((f) => [f, byPath.get(`vitals.${f}`)!]));
    return html`
      <header>
        <h2 data-patient-id=${record.patientId}>Consultation record · ${entry.token} · ${entry.patient?.fullName ?? ''}</h2>
        ${ro
          ? html`<span class="signed">Signed${record.signedAt ? ` ${formatDateTime(record.signedAt)}` : ''}</span>`
          : html`<span class="saved ${this.draft.saveState === 'error' || (problems.length && this.draft.saveState === 'saved') ? 'error' : ''}" role="status">${saveLabel(this.draft.saveState, problems)}</span>`}
      </header>
      <mq-patient-summary .patientId=${record.patientId} .currentEntryId=${record.queueEntryId}></mq-patient-summary>
      <mq-visit-timeline .entryId=${record.queueEntryId} .refreshKey=${`${entry.status}-${entry.version}-${record.status}-${record.addenda.length}`}></mq-visit-timeline>
      ${problem ? html`<p class="problem" role="alert">${problem}</p>` : nothing}
      <mq-record-vitals
        .values=${form.vitals}
        .problems=${vitalProblems}
        .flags=${record.flags}
        ?readonly=${ro}
        @vital-input=${(e: VitalInputEvent) => this.edit(`vitals.${e.detail.field}`, { vitals: { ...form.vitals, [e.detail.field]: e.detail.value } })}
      ></mq-record-vitals>
      <h3>Consultation</h3>
      <div class="fields">
        ${this.renderText('chiefComplaint', ro, byPath)} ${this.renderText('diagnosis', ro, byPath)}
        <div>
          <mq-icd10-picker .value=${form.icd10} ?readonly=${ro} @icd10-change=${(e: Icd10ChangeEvent) => this.edit('icd10Code', { icd10: e.detail })}></mq-icd10-picker>
        </div>
        ${this.renderText('notes', ro, byPath, true)}
      </div>
      <h3>Prescription</h3>
      <mq-prescription-rows
        .rows=${form.rows}
        .allergyMatches=${new Map(record.items.map((i) => [i.medicine, i.allergyMatches]))}
        .problems=${new Map([...byPath].filter(([p]) => p.startsWith('items.')))}
        ?readonly=${ro}
        @rows-change=${(e: RowsChangeEvent) => this.edit('items', { rows: e.detail })}
      ></mq-prescription-rows>
      ${this.draft.allergyQuestion
        ? html`<div class="confirm" role="alert">
            <span>${this.draft.allergyQuestion}</span>
            <button type="button" @click=${() => this.draft.confirmAllergy()}>Prescribe anyway</button>
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
            <a class="button" href=${`/api/records/${record.id}/prescription`} target="_blank" rel="noopener">Print prescription</a>
          </footer>`
        : nothing}
      <mq-record-addenda .record=${record} @record-changed=${(e: RecordChangedEvent) => this.draft.replace(e.detail)}></mq-record-addenda>`;
  }

  private renderText(field: RecordTextField, ro: boolean, problems: Map<string, string>, multiline = false) {
    const error = problems.get(field);
    const onInput = (e: InputEvent) => this.edit(field, { texts: { ...this.draft.form.texts, [field]: (e.target as HTMLInputElement).value } });
    const attrs = { id: field, max: maxLengthOf(field), invalid: error ? 'true' : 'false', hint: `${field}-hint` };
    return html`<div>
      <label for=${field}>${RECORD_FIELD_LABELS[field]}</label>
      ${multiline
        ? html`<textarea id=${attrs.id} rows="3" maxlength=${attrs.max} aria-invalid=${attrs.invalid} aria-describedby=${attrs.hint} .value=${live(this.draft.form.texts[field])} ?readonly=${ro} @input=${onInput}></textarea>`
        : html`<input id=${attrs.id} maxlength=${attrs.max} aria-invalid=${attrs.invalid} aria-describedby=${attrs.hint} .value=${live(this.draft.form.texts[field])} ?readonly=${ro} @input=${onInput} />`}
      <p class="hint ${error ? 'bad' : ''}" id=${attrs.hint}>${error ? `Not saved: ${error}` : nothing}</p>
    </div>`;
  }

  /** A change typed in the form: the draft saves it, and an earlier sign-off refusal no longer applies. */
  private edit(path: string, change: Partial<RecordForm>): void {
    this.signOffProblem = '';
    this.draft.edit(path, change);
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

  /**
   * Saves what is left, then signs: the visit completes and the next patient is called in one step. Anything that
   * would make the signed record differ from the screen (a field with a problem, a change not saved, no diagnosis)
   * stops it, with the focus on that field and the reason next to the button.
   */
  private readonly signOff = async (): Promise<void> => {
    const draft = this.draft;
    if (!draft.record || this.signing) return;
    this.signing = true;
    this.signOffProblem = '';
    try {
      if (draft.autosave.dirty || draft.saveState === 'pending' || draft.autosave.busy) await draft.save();
      const first = draft.problems()[0];
      if (first) return this.stopSignOff(first.path, `Not signed: ${first.message} Correct it first.`);
      if (draft.allergyQuestion) return this.stopSignOff(null, 'Not signed: answer the allergy question above first.');
      if (draft.saveState === 'error' || draft.autosave.dirty) {
        return this.stopSignOff(null, `Not signed: the last changes are not saved. ${draft.problem || 'Wait for "Saved", then sign again.'}`);
      }
      if (!draft.form.texts.diagnosis.trim()) return this.stopSignOff('diagnosis', 'Not signed: add a diagnosis first.');
      const result = await apiPost<SignOffResponse>(`/api/records/${draft.record!.id}/sign`, {
        revision: draft.record!.revision,
        expectedVersion: this.entry.version,
      });
      draft.signed(result.record);
      this.dispatchEvent(new CustomEvent('record-signed', { detail: result, bubbles: true, composed: true }));
    } catch (error) {
      const field = error instanceof ApiError ? error.fields?.[0]?.path ?? null : null;
      this.stopSignOff(field, `Not signed: ${messageOf(error)}`);
    } finally {
      this.signing = false;
    }
  };
}

function saveLabel(state: SaveState, problems: FieldProblem[]): string {
  if (state === 'saved' && problems.length) return `Saved, except ${problems.length === 1 ? '1 field' : `${problems.length} fields`} marked below`;
  return { idle: '', pending: 'Unsaved changes…', saving: 'Saving…', saved: 'Saved', error: 'Not saved' }[state];
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-consultation-record': MqConsultationRecord;
  }
}
