import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PatientSummary, VisitSummary } from '../../common/records';
import { ApiError, apiGet } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { staffButtonStyles } from './staff-buttons';
import { ROW_FIELDS } from './mq-prescription-rows';
import { formatClinicDay, formatDateTime } from './clinic-format';

const PAGE_SIZE = 10;

/**
 * The patient summary at the top of a consultation record: age, sex, blood group, insurance, allergies (prominent),
 * and the past visits (GET /api/patients/:id/summary), newest first, each openable to read its diagnosis and
 * prescription. The visit being recorded now is left out. The summary is a help: if it cannot be read, the record
 * still works, and the reason is shown here.
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
    `,
  ];

  @property({ type: Number }) patientId = 0;
  /** The visit being recorded now, left out of the past visits. */
  @property({ type: Number }) currentEntryId = 0;

  @state() private summary: PatientSummary | null = null;
  @state() private visits: VisitSummary[] = [];
  @state() private problem = '';
  @state() private loadingMore = false;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('patientId') && this.patientId) void this.load(1);
  }

  render() {
    const summary = this.summary;
    if (!summary) return this.problem ? html`<p class="muted" role="alert">${this.problem}</p>` : nothing;
    const { patient, clinical } = summary;
    const past = this.visits.filter((v) => v.queueEntryId !== this.currentEntryId);
    const moreToLoad = this.visits.length < summary.visits.total;
    return html`<p class="patient">
        ${[patient.age === null ? null : `${patient.age} years`, patient.sex, clinical?.bloodGroup ? `Blood group ${clinical.bloodGroup}` : null,
          patient.insurance.provider ? `Insurance: ${patient.insurance.provider}` : null, `MRN ${patient.medicalRecordNumber}`].filter(Boolean).join(' · ')}
      </p>
      <p class="allergies ${clinical?.allergies ? 'known' : ''}"><strong>Allergies:</strong> ${clinical?.allergies || 'None recorded'}</p>
      <h3 id="visits-title">Past visits</h3>
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

  private async load(page: number): Promise<void> {
    const patientId = this.patientId;
    this.loadingMore = page > 1;
    try {
      const summary = await apiGet<PatientSummary>(`/api/patients/${patientId}/summary?page=${page}&pageSize=${PAGE_SIZE}`);
      if (patientId !== this.patientId) return;
      this.visits = page === 1 ? summary.visits.items : [...this.visits, ...summary.visits.items];
      this.summary = summary;
      this.problem = '';
    } catch (error) {
      this.problem = `The patient's summary could not be loaded. ${error instanceof ApiError ? error.message : ''}`.trim();
    } finally {
      this.loadingMore = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-patient-summary': MqPatientSummary;
  }
}
