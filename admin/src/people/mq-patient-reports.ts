import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PatientReportsResponse, PatientReportView, ReportValues } from '../../../common/patient-reports';
import { ApiError, apiGet, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { formatDateTime } from '../shared/clinic-format';
import { confirmAction } from '../shared/mq-confirm-dialog';
import { messageOf } from '../shared/form-helpers';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import { patientSectionStyles } from './patient-section-styles';

const FIELD_NAMES = { allergies: 'Allergies', insurance: 'Insurance' } as const;
const NOT_RECORDED = 'Nothing recorded';

/** A report's or the record's value in words: the allergies, or "provider · number". */
function words(field: PatientReportView['field'], values: ReportValues): string {
  const text = field === 'allergies' ? values.allergies : [values.insuranceProvider, values.insuranceNumber].filter(Boolean).join(' · ');
  return text?.trim() || NOT_RECORDED;
}

/**
 * "Reported by the patient": allergies or insurance a patient typed on their dashboard, pending until staff check
 * them. Each shows what the record says now beside what the patient says, so confirming never replaces a value
 * unseen (the server refuses with 409 `stale` when the record changed since). Reception and admins confirm (the
 * record takes the patient's value) or dismiss; with `readonly` (doctors) only the pending ones are shown.
 * Fires `patient-record-changed` after a confirm, so the page reloads the record.
 */
@customElement('mq-patient-reports')
export class MqPatientReports extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    patientSectionStyles,
    css`
      article {
        margin: 0.5rem 0 0.75rem;
        padding: 0.8rem 1rem;
        border-radius: var(--mq-radius-sm);
        border-inline-start: 4px solid var(--mq-color-warning);
        background: var(--mq-color-warning-soft);
      }
      .compare {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1rem;
        margin: 0.5rem 0 0.75rem;
      }
      .compare dt {
        color: var(--mq-color-text-muted);
      }
      .compare dd {
        margin: 0;
        white-space: pre-wrap;
      }
      .reported-value {
        font-weight: 600;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      ul.history {
        margin: 0.25rem 0 0;
        padding: 0;
        list-style: none;
      }
      ul.history li {
        padding: 0.35rem 0;
        border-top: 1px solid var(--mq-color-border);
      }
    `,
  ];

  @property({ type: Number }) patientId = 0;
  /** Doctors: the pending reports only, without the buttons. */
  @property({ type: Boolean }) readonly = false;
  /** Doctors: the reason given to read this patient's records, if any (the server applies the summary's rule). */
  @property() reason = '';

  @state() private reports: PatientReportView[] | null = null;
  @state() private problem = '';
  @state() private notice = '';
  @state() private busy = 0;

  protected willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('patientId') || changed.has('reason')) && this.patientId) {
      this.notice = '';
      void this.load();
    }
  }

  render() {
    const reports = this.reports;
    if (!reports) return this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing;
    const pending = reports.filter((r) => r.status === 'pending');
    const reviewed = reports.filter((r) => r.status !== 'pending');
    if (this.readonly && !pending.length) return nothing;
    return html`<section aria-labelledby="reports-title">
      <h3 id="reports-title">Reported by the patient</h3>
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${pending.length
        ? pending.map((r) => this.renderPending(r))
        : html`<p class="muted">Nothing waiting. What a patient reports on their phone appears here until someone checks it.</p>`}
      ${!this.readonly && reviewed.length
        ? html`<details>
            <summary>Checked earlier (${reviewed.length})</summary>
            <ul class="history">${reviewed.map((r) => this.renderReviewed(r))}</ul>
          </details>`
        : nothing}
    </section>`;
  }

  private renderPending(r: PatientReportView) {
    const name = FIELD_NAMES[r.field];
    return html`<article aria-label=${`${name} reported by the patient`}>
      <strong>${name}</strong> <span class="muted">· reported ${formatDateTime(r.reportedAt)} · not on the record yet</span>
      <dl class="compare">
        <dt>On the record now</dt><dd>${words(r.field, r.current ?? {})}</dd>
        <dt>The patient says</dt><dd class="reported-value">${words(r.field, r.reported)}</dd>
      </dl>
      ${this.readonly
        ? html`<p class="muted">Reception confirms it with the patient before it goes on the record.</p>`
        : html`<div class="buttons">
            <button type="button" class="primary" ?disabled=${this.busy === r.id} @click=${() => this.confirm(r)}>Confirm: put it on the record</button>
            <button type="button" ?disabled=${this.busy === r.id} @click=${() => this.dismiss(r)}>Dismiss</button>
          </div>`}
    </article>`;
  }

  private renderReviewed(r: PatientReportView) {
    const outcome = r.status === 'confirmed' ? 'confirmed' : r.reviewedBy ? 'dismissed' : 'replaced by a newer report';
    const by = r.reviewedBy ? ` by ${r.reviewedBy.name}` : '';
    const when = r.reviewedAt ? ` on ${formatDateTime(r.reviewedAt)}` : '';
    return html`<li>${FIELD_NAMES[r.field]}: “${words(r.field, r.reported)}” <span class="muted">· ${outcome}${by}${when}</span></li>`;
  }

  private async confirm(r: PatientReportView): Promise<void> {
    await this.review(r, 'confirm', { expected: r.current ?? {} }, `${FIELD_NAMES[r.field]} updated on the record.`);
    this.dispatchEvent(new CustomEvent('patient-record-changed', { detail: this.patientId, bubbles: true, composed: true }));
  }

  /** Asks first: a dismissed report cannot be taken back (the patient would have to report it again). */
  private async dismiss(r: PatientReportView): Promise<void> {
    const ok = await confirmAction({
      title: `Dismiss the patient's ${FIELD_NAMES[r.field].toLowerCase()}?`,
      message: `“${words(r.field, r.reported)}” will not go on the record, and the patient will see that it was not accepted. The record keeps “${words(r.field, r.current ?? {})}”.`,
      confirmLabel: 'Dismiss',
      cancelLabel: 'Keep it waiting',
      danger: true,
    });
    if (!ok) return;
    await this.review(r, 'dismiss', {}, `Dismissed; the record is unchanged. The patient sees that it was not accepted.`);
  }

  private async review(r: PatientReportView, action: 'confirm' | 'dismiss', body: object, done: string): Promise<void> {
    this.busy = r.id;
    this.problem = '';
    this.notice = '';
    try {
      await apiPost(`/api/patients/${this.patientId}/reports/${r.id}/${action}`, body);
      this.notice = done;
    } catch (error) {
      // stale (the record changed) and already_reviewed say so in words; the reload shows the values as they are now.
      this.problem = error instanceof ApiError ? error.message : messageOf(error);
    } finally {
      this.busy = 0;
      await this.load();
    }
  }

  private async load(): Promise<void> {
    const id = this.patientId;
    try {
      const reason = this.reason ? `?reason=${encodeURIComponent(this.reason)}` : '';
      const { reports } = await apiGet<PatientReportsResponse>(`/api/patients/${id}/reports${reason}`);
      if (id === this.patientId) this.reports = reports;
    } catch (error) {
      this.problem = `The patient's reports could not be loaded. ${messageOf(error)}`.trim();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-patient-reports': MqPatientReports;
  }
}
