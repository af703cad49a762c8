import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PatientSearchResponse, PatientView } from '../../../common/admin';
import { ApiError, apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import { DelayController } from '../shared/delay-controller';

/** Wait this long after typing stops before searching. */
const SEARCH_DELAY_MS = 250;

/**
 * Chooses one patient: type part of a name, a record number or a phone number, then pick from the matches (at
 * most 8). Shows the chosen patient with "Change". Fires `patient-filter-change` with the patient, or null when cleared.
 */
@customElement('mq-audit-patient-filter')
export class MqAuditPatientFilter extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: grid;
        gap: 0.25rem;
        margin: 0.25rem 0 0;
        padding: 0;
        list-style: none;
      }
      ul button {
        width: 100%;
        min-height: 2.3rem;
        font-weight: 500;
        text-align: start;
      }
      .chosen {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        min-height: 2.6rem;
      }
      .muted {
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
      }
    `,
  ];

  /** The field's label. */
  @property() label = 'Patient';
  @property({ attribute: false }) patient: PatientView | null = null;

  @state() private query = '';
  @state() private found: PatientView[] | null = null;
  @state() private error = '';
  /** Searches after a pause in typing. */
  private readonly typing = new DelayController(this, SEARCH_DELAY_MS);
  private abort: AbortController | undefined;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  render() {
    if (this.patient) {
      return html`<div class="field">
        <span class="label" id="label">${this.label}</span>
        <div class="chosen" aria-labelledby="label">
          <strong>${this.patient.fullName}</strong>
          <span class="muted">${this.patient.medicalRecordNumber}</span>
          <button type="button" @click=${() => this.choose(null)}>Change</button>
        </div>
      </div>`;
    }
    return html`<div class="field">
      <label for="search">${this.label}</label>
      <input
        id="search"
        type="search"
        autocomplete="off"
        placeholder="Name, record number or phone"
        .value=${this.query}
        aria-describedby="search-status"
        @input=${this.onInput}
      />
      <span id="search-status" class=${this.error ? 'field-error' : 'muted'} role="status">${this.statusText()}</span>
      ${this.found?.length
        ? html`<ul aria-label="Matching patients">
            ${this.found.map(
              (p) => html`<li>
                <button type="button" @click=${() => this.choose(p)}>${p.fullName} <span class="muted">· ${p.medicalRecordNumber} · born ${p.dateOfBirth}</span></button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  private statusText(): string {
    if (this.error) return this.error;
    if (this.found === null || !this.query.trim()) return '';
    return this.found.length ? '' : 'No patient matches.';
  }

  private readonly onInput = (event: Event): void => {
    this.query = (event.target as HTMLInputElement).value;
    this.typing.cancel();
    if (!this.query.trim()) {
      this.found = null;
      return;
    }
    this.typing.schedule(() => void this.search());
  };

  private async search(): Promise<void> {
    this.abort?.abort();
    this.abort = new AbortController();
    const { signal } = this.abort;
    try {
      const query = new URLSearchParams({ q: this.query.trim(), pageSize: '8' });
      this.found = (await apiGet<PatientSearchResponse>(`/api/patients?${query}`, { signal })).patients;
      this.error = '';
    } catch (error) {
      if (signal.aborted) return;
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private choose(patient: PatientView | null): void {
    this.patient = patient;
    this.query = '';
    this.found = null;
    this.dispatchEvent(new CustomEvent('patient-filter-change', { detail: patient, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-audit-patient-filter': MqAuditPatientFilter;
  }
}
