import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PatientSearchResponse, PatientView } from '../../../common/admin';
import { ApiError, apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import './mq-patient-register';
import { personRowStyles } from './patient-section-styles';
import { DelayController } from '../shared/delay-controller';

/** How long typing must pause before the search runs. */
const SEARCH_DELAY_MS = 300;

/**
 * Find or register a patient at the desk: a search by part of the name, the phone number or the record number
 * (GET /api/patients), or a registration form with duplicate detection (mq-patient-register). Fires
 * `patient-chosen` (from itself or the form) with the patient reception picked.
 */
@customElement('mq-patient-finder')
export class MqPatientFinder extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    personRowStyles,
    css`
      :host {
        display: block;
      }
      .search {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
      }
      .search .field {
        flex: 1 1 16rem;
      }
      ul {
        margin: 0.75rem 0 0;
      }
      .status {
        margin: 0.75rem 0 0;
      }
      h3 {
        margin: 1.25rem 0 0.75rem;
        font-size: 1.05rem;
      }
    `,
  ];

  @state() private query = '';
  @state() private results: PatientView[] | null = null;
  @state() private total = 0;
  @state() private searching = false;
  @state() private error = '';
  @state() private registering = false;

  /** Searches after a pause in typing. */
  private readonly typing = new DelayController(this, SEARCH_DELAY_MS);
  private controller: AbortController | undefined;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  render() {
    if (this.registering) {
      return html`<h3>Register a new patient</h3>
        <mq-patient-register></mq-patient-register>
        <div class="actions"><button type="button" @click=${() => (this.registering = false)}>Back to search</button></div>`;
    }
    return html`
      <div class="search">
        <div class="field">
          <label for="q">Find a patient</label>
          <input id="q" type="search" autocomplete="off" placeholder="Name, phone or record number" .value=${this.query}
            @input=${this.onInput} />
        </div>
        <button type="button" @click=${() => (this.registering = true)}>Register a new patient</button>
      </div>
      ${this.renderResults()}
    `;
  }

  private renderResults() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (this.searching && !this.results) return html`<p class="status">Searching…</p>`;
    if (!this.results) return nothing;
    if (!this.results.length) {
      return html`<p class="status" role="status">No patient matches “${this.query.trim()}”. Check the spelling, or register a new patient.</p>`;
    }
    return html`<ul aria-label="Patients found">
        ${this.results.map(
          (p) => html`<li>
            <span>
              <strong>${p.fullName}</strong>
              <span class="muted">born ${p.dateOfBirth} · ${p.phone ?? 'no phone'} · record ${p.medicalRecordNumber}</span>
            </span>
            <button type="button" @click=${() => this.choose(p)} aria-label="Choose ${p.fullName} (record ${p.medicalRecordNumber})">Choose</button>
          </li>`,
        )}
      </ul>
      ${this.total > this.results.length
        ? html`<p class="status">${this.total - this.results.length} more; type more of the name or number to narrow the list.</p>`
        : nothing}`;
  }

  private readonly onInput = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.typing.cancel();
    if (this.query.trim().length < 2) {
      this.controller?.abort();
      this.results = null;
      this.error = '';
      return;
    }
    this.typing.schedule(() => void this.search(this.query.trim()));
  };

  private async search(q: string): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.searching = true;
    try {
      const found = await apiGet<PatientSearchResponse>(`/api/patients?q=${encodeURIComponent(q)}&pageSize=8`, { signal: controller.signal });
      this.results = found.patients;
      this.total = found.total;
      this.error = '';
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = error instanceof ApiError ? error.message : 'The search failed. Please try again.';
    } finally {
      if (this.controller === controller) this.searching = false;
    }
  }

  private choose(patient: PatientView): void {
    this.dispatchEvent(new CustomEvent('patient-chosen', { detail: patient, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-patient-finder': MqPatientFinder;
  }
}
