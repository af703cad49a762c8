import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PatientRequest, PatientSearchResponse, PatientView } from '../../common/admin';
import { ApiError, apiGet, apiPost } from '../../common/web/api';
import { formatDate } from '../../common/web/dates';
import { baseStyles } from '../../common/web/shared-styles';
import { panelStyles } from './panel-styles';
import { staffButtonStyles } from './staff-buttons';

/**
 * Finds the patient to book for: search by part of the name, the phone number or the record number, or register a
 * new patient in a few fields. The server warns of possible duplicates (same name and date of birth, or the same
 * phone); the matching patients are then offered, with "Register anyway". Fires `patient-chosen`.
 */
@customElement('mq-patient-picker')
export class MqPatientPicker extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: 0.75rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: end;
      }
      .row .field {
        flex: 1;
      }
      ul {
        display: grid;
        gap: 0.35rem;
        margin: 0.75rem 0 0;
        padding: 0;
        list-style: none;
      }
      li button {
        width: 100%;
        text-align: start;
        font-weight: 400;
      }
      li button strong {
        display: block;
      }
      .muted {
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
      }
      .switch {
        margin-top: 0.75rem;
        border: none;
        padding-inline: 0;
        background: none;
        color: var(--mq-color-primary);
        text-decoration: underline;
      }
    `,
  ];

  @state() private mode: 'search' | 'new' = 'search';
  @state() private query = '';
  @state() private results: PatientView[] | null = null;
  @state() private searching = false;
  @state() private problem = '';
  @state() private fieldErrors: Record<string, string> = {};
  @state() private duplicates: PatientView[] = [];
  @state() private draft = { fullName: '', dateOfBirth: '', phone: '' };

  render() {
    return this.mode === 'search' ? this.renderSearch() : this.renderNew();
  }

  private renderSearch() {
    return html`<form role="search" @submit=${this.search}>
        <div class="row">
          <div class="field">
            <label for="q">Find patient</label>
            <input id="q" type="search" placeholder="Name, phone or record number" .value=${this.query} @input=${this.onQuery} autocomplete="off" />
          </div>
          <button ?disabled=${this.searching || this.query.trim().length < 2}>Search</button>
        </div>
      </form>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.searching ? html`<p class="status" role="status">Searching…</p>` : nothing}
      ${this.results && !this.searching
        ? this.results.length
          ? html`<ul aria-label="Patients found">${this.results.map((p) => this.renderPatient(p))}</ul>`
          : html`<p class="status" role="status">No patient matches “${this.query}”.</p>`
        : nothing}
      <button type="button" class="switch" @click=${() => this.switchTo('new')}>Register a new patient</button>`;
  }

  private renderNew() {
    const field = (id: 'fullName' | 'dateOfBirth' | 'phone', label: string, type: string) => html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type=${type}
        .value=${this.draft[id]}
        ?required=${id !== 'phone'}
        aria-invalid=${this.fieldErrors[id] ? 'true' : 'false'}
        @input=${(e: Event) => (this.draft = { ...this.draft, [id]: (e.target as HTMLInputElement).value })}
      />
      ${this.fieldErrors[id] ? html`<span class="field-error">${this.fieldErrors[id]}</span>` : nothing}
    </div>`;
    return html`<form @submit=${(e: Event) => this.register(e, false)} aria-label="New patient">
        ${field('fullName', 'Full name', 'text')} ${field('dateOfBirth', 'Date of birth', 'date')} ${field('phone', 'Phone', 'tel')}
        <div><button class="primary" ?disabled=${this.searching}>Register patient</button></div>
      </form>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.duplicates.length
        ? html`<ul aria-label="Possible duplicates">${this.duplicates.map((p) => this.renderPatient(p))}</ul>
            <div class="actions"><button type="button" @click=${(e: Event) => this.register(e, true)}>Register anyway</button></div>`
        : nothing}
      <button type="button" class="switch" @click=${() => this.switchTo('search')}>Search registered patients instead</button>`;
  }

  private renderPatient(p: PatientView) {
    return html`<li>
      <button type="button" @click=${() => this.choose(p)}>
        <strong>${p.fullName}</strong>
        <span class="muted">Born ${formatDate(p.dateOfBirth)} · ${p.phone ?? 'no phone'} · ${p.medicalRecordNumber}</span>
      </button>
    </li>`;
  }

  private switchTo(mode: 'search' | 'new'): void {
    this.mode = mode;
    this.problem = '';
    this.duplicates = [];
    this.fieldErrors = {};
  }

  private onQuery(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  private async search(event: Event): Promise<void> {
    event.preventDefault();
    const q = this.query.trim();
    if (q.length < 2) return;
    this.searching = true;
    this.problem = '';
    try {
      this.results = (await apiGet<PatientSearchResponse>(`/api/patients?q=${encodeURIComponent(q)}&pageSize=10`)).patients;
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : 'The search did not work.';
    } finally {
      this.searching = false;
    }
  }

  private async register(event: Event, confirmDuplicate: boolean): Promise<void> {
    event.preventDefault();
    const body: PatientRequest = {
      fullName: this.draft.fullName.trim(),
      dateOfBirth: this.draft.dateOfBirth,
      phone: this.draft.phone.trim() || null,
      ...(confirmDuplicate ? { confirmDuplicate } : {}),
    };
    this.searching = true;
    this.problem = '';
    this.fieldErrors = {};
    try {
      const { patient } = await apiPost<{ patient: PatientView }>('/api/patients', body);
      this.choose(patient);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.fieldErrors = Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
      this.problem = error.fields.length ? '' : error.message;
      if (error.id === 'possible_duplicate') this.duplicates = await this.lookAlikes(body);
    } finally {
      this.searching = false;
    }
  }

  /** The registered patients the server may have meant: same name and date of birth, or the same phone. */
  private async lookAlikes(body: PatientRequest): Promise<PatientView[]> {
    const queries = [body.fullName, body.phone].filter((q): q is string => !!q && q.length >= 2);
    const found = await Promise.all(queries.map((q) => apiGet<PatientSearchResponse>(`/api/patients?q=${encodeURIComponent(q)}&pageSize=10`).catch(() => null)));
    const digits = (s: string | null) => (s ?? '').replace(/\D/g, '');
    const byId = new Map<number, PatientView>();
    for (const p of found.flatMap((r) => r?.patients ?? [])) {
      const sameName = p.fullName.toLowerCase() === body.fullName.toLowerCase() && p.dateOfBirth === body.dateOfBirth;
      if (sameName || (body.phone && digits(p.phone) === digits(body.phone))) byId.set(p.id, p);
    }
    return [...byId.values()];
  }

  private choose(patient: PatientView): void {
    this.dispatchEvent(new CustomEvent('patient-chosen', { detail: patient, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-patient-picker': MqPatientPicker;
  }
}
