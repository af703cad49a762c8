import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { PatientSearchResponse, PatientView } from '../../../common/admin';
import { apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import type { PatientOpenEvent, PatientSavedEvent } from '../shared/events';
import { listStyles, messageOf } from '../shared/form-helpers';
import './mq-patient-form';
import './mq-patient-visits';
import './mq-patient-reports';
import './mq-patient-family';
import '../desk/mq-desk-sign-in-link';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import { DelayController } from '../shared/delay-controller';

const PAGE_SIZE = 20;
/** Wait this long after the last key before searching, so typing a name is one request, not eight. */
const DEBOUNCE_MS = 300;

/**
 * Patients (reception and admins): search by part of the name, part of the phone number or the record number as
 * you type; open a patient to read and edit every profile field; register a new patient, with the server's
 * duplicate warning. The open patient is in the address (`#/patients/<id>`), so a reload comes back to them.
 */
@customElement('mq-patients')
export class MqPatients extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    listStyles,
    css`
      :host {
        display: block;
      }
      tbody tr {
        cursor: pointer;
      }
      td button {
        min-height: 2.2rem;
        padding: 0.3rem 0.75rem;
        font-size: 0.9rem;
      }
      h3.sub {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.1rem;
      }
      .pager {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        margin-top: 1rem;
      }
    `,
  ];

  @state() private query = '';
  @state() private page = 1;
  @state() private result: PatientSearchResponse | null = null;
  @state() private searching = false;
  @state() private searchError = '';
  /** The open patient, 'new' while registering, or null. */
  @state() private open: PatientView | 'new' | null = null;
  @state() private openError = '';
  @state() private notice = '';

  /** Searches after a pause in typing. */
  private readonly typing = new DelayController(this, DEBOUNCE_MS);
  private search: AbortController | undefined;

  connectedCallback(): void {
    super.connectedCallback();
    void this.runSearch();
    const id = Number(location.hash.match(/^#\/patients\/(\d+)/)?.[1]);
    if (id) void this.openById(id);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.search?.abort();
  }

  render() {
    return html`
      ${this.renderOpen()}
      <section class="card" aria-labelledby="list-title">
        <header>
          <h2 id="list-title">Patients</h2>
          <button type="button" class="primary" @click=${() => this.show('new')}>Register a patient</button>
        </header>
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
        <div class="toolbar">
          <div class="field grow">
            <label for="search">Search patients</label>
            <input id="search" type="search" autocomplete="off" .value=${this.query} aria-describedby="search-hint" @input=${this.onType} />
            <span class="hint" id="search-hint">Part of the name, part of the phone number, or the record number.</span>
          </div>
        </div>
        ${this.renderResults()}
      </section>
    `;
  }

  private renderOpen() {
    if (this.openError) return html`<section class="card"><p class="error" role="alert">${this.openError}</p></section>`;
    if (!this.open) return nothing;
    const title = this.open === 'new' ? 'Register a patient' : this.open.fullName;
    return html`<section class="card" aria-labelledby="patient-title">
      <h2 id="patient-title">${title}</h2>
      <mq-patient-form
        .patient=${this.open === 'new' ? null : this.open}
        @patient-saved=${this.onSaved}
        @patient-open=${(e: PatientOpenEvent) => this.show(e.detail)}
        @form-cancel=${() => this.show(null)}
      ></mq-patient-form>
      ${this.open === 'new'
        ? nothing
        : html`<mq-patient-reports .patientId=${this.open.id} @patient-record-changed=${() => this.reload()}></mq-patient-reports>
            <mq-patient-family .patient=${this.open}></mq-patient-family>
            <h3 class="sub">Phone sign-in</h3>
            <mq-desk-sign-in-link patientId=${this.open.id}></mq-desk-sign-in-link>
            <mq-patient-visits .patientId=${this.open.id}></mq-patient-visits>`}
    </section>`;
  }

  private renderResults() {
    if (this.searchError) {
      return html`<p class="error" role="alert">${this.searchError} <button type="button" @click=${() => this.runSearch()}>Try again</button></p>`;
    }
    const result = this.result;
    if (!result) return html`<p class="status" role="status">Loading patients…</p>`;
    if (!result.patients.length) {
      return html`<p class="empty" role="status">
        ${this.query.trim() ? html`No patients found for “${this.query.trim()}”.` : 'No patients registered yet.'}
      </p>`;
    }
    const first = (result.page - 1) * result.pageSize + 1;
    const last = first + result.patients.length - 1;
    return html`<table class="data" aria-busy=${this.searching ? 'true' : 'false'}>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Date of birth</th><th scope="col">Phone</th><th scope="col">Record number</th><th scope="col"><span class="visually-hidden">Open</span></th></tr>
        </thead>
        <tbody>
          ${result.patients.map(
            (p) => html`<tr aria-selected=${this.open !== 'new' && this.open?.id === p.id ? 'true' : 'false'} @click=${() => this.show(p)}>
              <th scope="row">${p.fullName}</th>
              <td>${p.dateOfBirth}</td>
              <td>${p.phone ?? '—'}</td>
              <td>${p.medicalRecordNumber}</td>
              <td><button type="button" aria-label=${`Open ${p.fullName}`} @click=${(e: Event) => (e.stopPropagation(), this.show(p))}>Open</button></td>
            </tr>`,
          )}
        </tbody>
      </table>
      <div class="pager">
        <span class="status" role="status">${first}–${last} of ${result.total}</span>
        <span>
          <button type="button" ?disabled=${result.page <= 1} @click=${() => this.goTo(result.page - 1)}>Previous</button>
          <button type="button" ?disabled=${last >= result.total} @click=${() => this.goTo(result.page + 1)}>Next</button>
        </span>
      </div>`;
  }

  private onType(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.page = 1;
    this.typing.schedule(() => void this.runSearch());
  }

  private goTo(page: number): void {
    this.page = page;
    void this.runSearch();
  }

  private async runSearch(): Promise<void> {
    this.search?.abort();
    const controller = (this.search = new AbortController());
    this.searching = true;
    this.searchError = '';
    const params = new URLSearchParams({ q: this.query.trim(), page: String(this.page), pageSize: String(PAGE_SIZE) });
    try {
      this.result = await apiGet<PatientSearchResponse>(`/api/patients?${params}`, { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.searchError = messageOf(error);
    } finally {
      if (this.search === controller) this.searching = false;
    }
  }

  private async openById(id: number): Promise<void> {
    try {
      this.show((await apiGet<{ patient: PatientView }>(`/api/patients/${id}`)).patient);
    } catch (error) {
      this.openError = messageOf(error);
    }
  }

  /** Reads the open patient again (a confirmed report changed their record), keeping the page where it is. */
  private async reload(): Promise<void> {
    if (!this.open || this.open === 'new') return;
    try {
      this.open = (await apiGet<{ patient: PatientView }>(`/api/patients/${this.open.id}`)).patient;
    } catch (error) {
      this.openError = messageOf(error);
    }
  }

  /** Opens a patient (or the registration form, or nothing) and puts it in the address without a navigation. */
  private show(open: PatientView | 'new' | null): void {
    this.open = open;
    this.openError = '';
    this.notice = '';
    history.replaceState(null, '', open && open !== 'new' ? `#/patients/${open.id}` : '#/patients');
    if (open) void this.updateComplete.then(() => this.renderRoot.querySelector('#patient-title')?.scrollIntoView({ block: 'nearest' }));
  }

  private onSaved(event: PatientSavedEvent): void {
    const patient = event.detail;
    const registered = this.open === 'new';
    if (registered) {
      this.show(patient);
      this.notice = `Registered ${patient.fullName}, record number ${patient.medicalRecordNumber}.`;
    } else {
      this.open = patient;
    }
    if (this.result) {
      this.result = { ...this.result, patients: this.result.patients.map((p) => (p.id === patient.id ? patient : p)) };
    }
    if (registered) void this.runSearch();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-patients': MqPatients;
  }
}
