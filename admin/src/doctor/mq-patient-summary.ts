import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { PatientSummary, VisitSummary } from '../../../common/records';
import { ApiError, apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import { ROW_FIELDS } from './mq-prescription-rows';
import './mq-read-reason-dialog';
import '../people/mq-patient-reports';
import type { MqReadReasonDialog } from './mq-read-reason-dialog';
import type { ReasonGivenEvent } from '../shared/events';
import { formatClinicDay, formatDateTime } from '../shared/clinic-format';

const PAGE_SIZE = 10;

/**
 * The patient summary at the top of a consultation record: age, sex, blood group, insurance, allergies (prominent),
 * and the past visits (GET /api/patients/:id/summary), newest first, each openable to read its diagnosis and
 * prescription. The visit being recorded now is left out. The summary is a help: if it cannot be read, the record
 * still works, and the reason is shown here. A doctor who is not seeing the patient now sees only their department's
 * visits; "Read other departments' visits" asks for a reason (mq-read-reason-dialog), which the server records with
 * the read.
 */
@customElement('mq-patient-summary')
export class MqPatientSummary extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      :host {
        display: block;
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
      h3 {
        margin: 1rem 0 0.5rem;
        font-size: 1.1rem;
      }
      details {
        border-bottom: 1px solid var(--mq-color-border);
      }
      summary {
        padding: 0.5rem 0.25rem;
        cursor: pointer;
      }
      .visit {
        padding: 0 0.25rem 0.75rem 1.25rem;
      }
      .muted {
        color: var(--mq-color-text-muted);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.95rem;
      }
      th,
      td {
        padding: 0.3rem 0.4rem;
        border-bottom: 1px solid var(--mq-color-border);
        text-align: start;
      }
      th {
        color: var(--mq-color-text-muted);
        font-size: 0.85rem;
      }
      .more {
        margin-top: 0.5rem;
      }
      .scope {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        margin: 0 0 0.5rem;
        color: var(--mq-color-text-muted);
      }
    `,
  ];

  @property({ type: Number }) patientId = 0;
  /** The visit being recorded now, left out of the past visits. */
  @property({ type: Number }) currentEntryId = 0;

  @state() private summary: PatientSummary | null = null;
  @state() private visits: VisitSummary[] = [];
  @state() private problem = '';
  @state() private loadingMore = false;
  /** The reason the doctor gave to read every department's visits of this patient ('' until they give one). */
  @state() private reason = '';
  /** True when the server refused the summary until a reason is given (403 `reason_required`). */
  @state() private needsReason = false;
  @state() private reasonProblem = '';
  @query('mq-read-reason-dialog') private reasonDialog!: MqReadReasonDialog;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('patientId') && this.patientId) {
      this.reason = '';
      this.summary = null;
      void this.load(1);
    }
  }

  render() {
    return html`${this.renderSummary()}
      <mq-read-reason-dialog
        subject=${this.summary ? `${this.summary.patient.fullName}'s visits in other departments` : "this patient's visits"}
        .problem=${this.reasonProblem}
        @reason-given=${this.onReasonGiven}
      ></mq-read-reason-dialog>`;
  }

  private renderSummary() {
    const summary = this.summary;
    if (!summary) {
      return this.problem
        ? html`<p class="muted" role="alert">${this.problem}</p>
            ${this.needsReason ? html`<button type="button" @click=${this.askReason}>Give a reason to read their visits…</button>` : nothing}`
        : nothing;
    }
    const { patient, clinical } = summary;
    const past = this.visits.filter((v) => v.queueEntryId !== this.currentEntryId);
    const moreToLoad = this.visits.length < summary.visits.total;
    return html`<p class="patient">
        ${[patient.age === null ? null : `${patient.age} years`, patient.sex, clinical?.bloodGroup ? `Blood group ${clinical.bloodGroup}` : null,
          patient.insurance.provider ? `Insurance: ${patient.insurance.provider}` : null, `MRN ${patient.medicalRecordNumber}`].filter(Boolean).join(' · ')}
      </p>
      <p class="allergies ${clinical?.allergies ? 'known' : ''}"><strong>Allergies:</strong> ${clinical?.allergies || 'None recorded'}</p>
      ${clinical ? html`<mq-patient-reports .patientId=${this.patientId} .reason=${this.reason} readonly></mq-patient-reports>` : nothing}
      <h3 id="visits-title">Past visits</h3>
      ${summary.scope === 'department'
        ? html`<p class="scope">
            <span>Only your department's visits are listed: the patient is not with you now.</span>
            <button type="button" @click=${this.askReason}>Read other departments' visits…</button>
          </p>`
        : this.reason
          ? html`<p class="scope">Every department's visits, read with your reason (recorded in the audit log).</p>`
          : nothing}
      ${past.length
        ? html`<div aria-labelledby="visits-title">${past.map((v) => this.renderVisit(v))}</div>`
        : html`<p class="muted">No earlier visits.</p>`}
      ${this.problem ? html`<p class="muted" role="alert">${this.problem}</p>` : nothing}
      ${moreToLoad
        ? html`<button type="button" class="more" ?disabled=${this.loadingMore} @click=${() => this.load(summary.visits.page + 1)}>Show older visits</button>`
        : nothing}`;
  }

  private renderVisit(visit: VisitSummary) {
    const record = visit.record;
    const title = [formatClinicDay(visit.clinicDay), visit.department.name, visit.doctor?.name, record?.diagnosis ?? (record ? null : 'No signed record')]
      .filter(Boolean)
      .join(' · ');
    return html`<details>
      <summary>${title}</summary>
      <div class="visit">
        ${record
          ? html`<p><strong>Diagnosis:</strong> ${record.diagnosis ?? '–'}${record.icd10 ? html` <span class="muted">(${record.icd10.code} ${record.icd10.title})</span>` : nothing}</p>
              ${record.items.length
                ? html`<table>
                    <thead><tr><th>Medicine</th>${ROW_FIELDS.map(([, label]) => html`<th>${label}</th>`)}</tr></thead>
                    <tbody>${record.items.map((i) => html`<tr><td>${i.medicine}</td>${ROW_FIELDS.map(([f]) => html`<td>${i[f] ?? ''}</td>`)}</tr>`)}</tbody>
                  </table>`
                : html`<p class="muted">No medicines prescribed.</p>`}
              ${record.signedAt ? html`<p class="muted">Signed ${formatDateTime(record.signedAt)}</p>` : nothing}`
          : html`<p class="muted">This visit (${visit.status}) has no signed record.</p>`}
      </div>
    </details>`;
  }

  /** Loads a page of the summary (with the reason, once given); the server's refusal, if any, is returned too. */
  private async load(page: number): Promise<ApiError | null> {
    const patientId = this.patientId;
    this.loadingMore = page > 1;
    const reason = this.reason ? `&reason=${encodeURIComponent(this.reason)}` : '';
    try {
      const summary = await apiGet<PatientSummary>(`/api/patients/${patientId}/summary?page=${page}&pageSize=${PAGE_SIZE}${reason}`);
      if (patientId !== this.patientId) return null;
      this.visits = page === 1 ? summary.visits.items : [...this.visits, ...summary.visits.items];
      this.summary = summary;
      this.problem = '';
      this.needsReason = false;
      return null;
    } catch (error) {
      const refusal = error instanceof ApiError ? error : null;
      this.needsReason = refusal?.id === 'reason_required';
      this.problem = `The patient's summary could not be loaded. ${refusal?.message ?? ''}`.trim();
      return refusal ?? new ApiError('network_error', 'The summary could not be loaded.', 0);
    } finally {
      this.loadingMore = false;
    }
  }

  private readonly askReason = (): void => {
    this.reasonProblem = '';
    void this.reasonDialog.open();
  };

  /** The doctor gave a reason: read every department's visits with it; the dialog stays open if the server refuses. */
  private readonly onReasonGiven = async (event: ReasonGivenEvent): Promise<void> => {
    const before = this.reason;
    this.reason = event.detail;
    const refusal = await this.load(1);
    if (refusal) {
      this.reason = before;
      this.reasonProblem = refusal.message;
      // The summary already shown stays; the refusal is said in the dialog, where the reason is typed.
      if (this.summary) this.problem = '';
      return;
    }
    this.reasonDialog.close();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-patient-summary': MqPatientSummary;
  }
}
