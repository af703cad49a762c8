import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PatientVisit, PatientVisitsResponse } from '../../../common/visits';
import { ApiError, apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { formatClinicDay } from '../shared/clinic-format';
import { patientSectionStyles } from './patient-section-styles';
import '../doctor/mq-visit-timeline';

/**
 * A patient's latest visits on the patient's page (issue 19), each with its whole timeline: check-in, calls,
 * consultation, completion and the signed record, with times and who. No clinical content.
 */
@customElement('mq-patient-visits')
export class MqPatientVisits extends LitElement {
  static styles = [
    baseStyles,
    patientSectionStyles,
    css`
      article {
        padding: 0.6rem 0;
        border-top: 1px solid var(--mq-color-border);
      }
      .visit {
        margin: 0 0 0.4rem;
        font-weight: 600;
      }
    `,
  ];

  @property({ type: Number }) patientId = 0;

  @state() private visits: PatientVisit[] | null = null;
  @state() private problem = '';

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('patientId') && this.patientId) void this.load();
  }

  render() {
    return html`<h3 id="visits-title">Visits</h3>
      ${this.problem ? html`<p role="alert">${this.problem}</p>` : nothing}
      ${this.visits === null
        ? this.problem ? nothing : html`<p class="muted">Loading visits…</p>`
        : this.visits.length
          ? this.visits.map(
              (v) => html`<article aria-label=${`Visit ${v.token} on ${formatClinicDay(v.clinicDay)}`}>
                <p class="visit">${formatClinicDay(v.clinicDay)} · ${v.token} · ${v.department}${v.doctor ? ` · ${v.doctor}` : ''}
                  <span class="muted">· ${v.status.replace('_', ' ')}</span></p>
                <mq-visit-timeline .events=${v.timeline} ?heading=${false}></mq-visit-timeline>
              </article>`,
            )
          : html`<p class="muted">No visits yet.</p>`}`;
  }

  private async load(): Promise<void> {
    const id = this.patientId;
    try {
      const { visits } = await apiGet<PatientVisitsResponse>(`/api/visits?patientId=${id}&limit=10`);
      if (id === this.patientId) this.visits = visits;
      this.problem = '';
    } catch (error) {
      this.problem = `The visits could not be loaded. ${error instanceof ApiError ? error.message : ''}`.trim();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-patient-visits': MqPatientVisits;
  }
}
