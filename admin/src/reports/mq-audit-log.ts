import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { AuditEntryView, AuditSearchResponse, PatientView } from '../../../common/admin';
import type { ClinicInfo, StaffUser } from '../../../common/api';
import { ApiError, apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import type { PatientFilterChangeEvent } from '../shared/events';
import { actionInWords, AUDIT_AREAS } from './audit-actions';
import { panelStyles } from '../shared/panel-styles';
import { when } from './report-format';
import { staffButtonStyles } from '../shared/staff-buttons';
import './mq-audit-patient-filter';

const PAGE_SIZE = 25;

/** The search as sent: every filter optional. */
interface AuditFilter {
  userId: string;
  patient: PatientView | null;
  action: string;
  from: string;
  to: string;
}

/** A few words for an entry's details ("changed: phone, allergies"); never more than the server recorded. */
function detailsInWords(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}

/**
 * The audit log section (admins): search by staff member, patient, action and clinic days, newest first, with
 * "Load more" for older entries. Each line says when, who, what, which patient and which record.
 */
@customElement('mq-audit-log')
export class MqAuditLog extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      form.fields {
        align-items: start;
        margin-bottom: 1.25rem;
      }
      .search-actions {
        display: flex;
        align-items: end;
        gap: 0.6rem;
      }
      code {
        font-size: 0.9rem;
      }
      .muted {
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
      }
      td.when {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      .table {
        overflow-x: auto;
      }
    `,
  ];

  @state() private staff: StaffUser[] = [];
  @state() private filter: AuditFilter = { userId: '', patient: null, action: '', from: '', to: '' };
  @state() private entries: AuditEntryView[] | null = null;
  @state() private total = 0;
  @state() private page = 1;
  @state() private loading = false;
  @state() private error: ApiError | null = null;
  /** Patients named in the entries shown, by id (looked up once each). */
  @state() private patients = new Map<number, PatientView | null>();

  private zone: string | undefined;
  private abort: AbortController | undefined;

  connectedCallback(): void {
    super.connectedCallback();
    if (!this.entries) void this.start();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  private async start(): Promise<void> {
    const [clinic, staff] = await Promise.allSettled([
      apiGet<ClinicInfo>('/api/clinic'),
      apiGet<{ users: StaffUser[] }>('/api/users'),
    ]);
    if (clinic.status === 'fulfilled') this.zone = clinic.value.timeZone;
    if (staff.status === 'fulfilled') this.staff = staff.value.users;
    await this.search(1);
  }

  render() {
    const f = this.filter;
    const field = (path: string) => this.error?.fieldMessage(path) ?? '';
    return html`<section class="card" aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <form class="fields" @submit=${this.submit} novalidate>
        <div class="field">
          <label for="user">Staff member</label>
          <select id="user" @change=${(e: Event) => this.set({ userId: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!f.userId}>Anyone</option>
            ${this.staff.map((u) => html`<option value=${u.id} ?selected=${f.userId === String(u.id)}>${u.fullName} (${u.role})</option>`)}
          </select>
        </div>
        <mq-audit-patient-filter .patient=${f.patient} @patient-filter-change=${this.onPatient}></mq-audit-patient-filter>
        <div class="field">
          <label for="action">What was done</label>
          <select id="action" aria-invalid=${String(!!field('action'))} aria-describedby="action-error" @change=${(e: Event) => this.set({ action: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!f.action}>Anything</option>
            ${AUDIT_AREAS.map((a) => html`<option value=${a.prefix} ?selected=${f.action === a.prefix}>${a.label}</option>`)}
          </select>
          <span class="field-error" id="action-error">${field('action')}</span>
        </div>
        <div class="field">
          <label for="from">From</label>
          <input id="from" type="date" .value=${f.from} aria-invalid=${String(!!field('from'))} aria-describedby="from-error" @change=${(e: Event) => this.set({ from: (e.target as HTMLInputElement).value })} />
          <span class="field-error" id="from-error">${field('from')}</span>
        </div>
        <div class="field">
          <label for="to">To</label>
          <input id="to" type="date" .value=${f.to} aria-invalid=${String(!!field('to'))} aria-describedby="to-error" @change=${(e: Event) => this.set({ to: (e.target as HTMLInputElement).value })} />
          <span class="field-error" id="to-error">${field('to')}</span>
        </div>
        <div class="search-actions">
          <button class="primary" type="submit">Search</button>
          <button type="button" @click=${this.clear}>Clear</button>
        </div>
      </form>
      ${this.error && !this.error.fields.length ? html`<p class="error" role="alert">${this.error.message}</p>` : nothing}
      ${this.renderResults()}
    </section>`;
  }

  private renderResults() {
    if (this.entries === null) return html`<p class="status" role="status">Loading the audit log…</p>`;
    if (!this.entries.length) {
      return html`<p class="empty">${this.loading ? 'Searching…' : 'No audit entries match this search.'}</p>`;
    }
    return html`<p class="status" role="status">
        ${this.loading ? 'Searching…' : `Showing ${this.entries.length} of ${this.total} ${this.total === 1 ? 'entry' : 'entries'}, newest first.`}
      </p>
      <div class="table">
        <table class="data">
          <caption class="visually-hidden">Audit entries</caption>
          <thead>
            <tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Patient</th><th scope="col">Record</th></tr>
          </thead>
          <tbody>
            ${this.entries.map((e) => this.row(e))}
          </tbody>
        </table>
      </div>
      ${this.entries.length < this.total
        ? html`<div class="actions"><button @click=${() => void this.search(this.page + 1)} ?disabled=${this.loading}>Load more</button></div>`
        : nothing}`;
  }

  private row(entry: AuditEntryView) {
    const patient = entry.patientId === null ? undefined : this.patients.get(entry.patientId);
    return html`<tr>
      <td class="when">${when(entry.at, this.zone)}</td>
      <td>${entry.user ? entry.user.fullName : html`<span class="muted">Not signed in</span>`}${entry.ip ? html`<br /><span class="muted">${entry.ip}</span>` : nothing}</td>
      <td><span title=${entry.action}>${actionInWords(entry.action)}</span>${entry.details ? html`<br /><span class="muted">${detailsInWords(entry.details)}</span>` : nothing}</td>
      <td>
        ${entry.patientId === null
          ? html`<span class="muted">–</span>`
          : patient
            ? html`${patient.fullName}<br /><span class="muted">${patient.medicalRecordNumber}</span>`
            : html`Patient ${entry.patientId}`}
      </td>
      <td>${entry.entityType ? html`${entry.entityType.replace(/_/g, ' ')} ${entry.entityId ?? ''}` : html`<span class="muted">–</span>`}</td>
    </tr>`;
  }

  private set(change: Partial<AuditFilter>): void {
    this.filter = { ...this.filter, ...change };
  }

  private readonly onPatient = (event: PatientFilterChangeEvent): void => {
    this.set({ patient: event.detail });
  };

  private readonly submit = (event: Event): void => {
    event.preventDefault();
    void this.search(1);
  };

  private readonly clear = (): void => {
    this.filter = { userId: '', patient: null, action: '', from: '', to: '' };
    void this.search(1);
  };

  /** Loads page `page` of the current search: page 1 replaces the list, later pages add to it. */
  private async search(page: number): Promise<void> {
    this.abort?.abort();
    this.abort = new AbortController();
    const { signal } = this.abort;
    const f = this.filter;
    const query = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
    if (f.userId) query.set('userId', f.userId);
    if (f.patient) query.set('patientId', String(f.patient.id));
    if (f.action) query.set('action', f.action);
    if (f.from) query.set('from', f.from);
    if (f.to) query.set('to', f.to);
    this.loading = true;
    this.error = null;
    try {
      const result = await apiGet<AuditSearchResponse>(`/api/audit?${query}`, { signal });
      this.entries = page === 1 ? result.entries : [...(this.entries ?? []), ...result.entries];
      this.total = result.total;
      this.page = page;
      this.loading = false;
      void this.namePatients(result.entries, signal);
    } catch (error) {
      if (signal.aborted) return;
      this.error = error instanceof ApiError ? error : new ApiError('network_error', String(error), 0);
      this.entries ??= [];
      this.loading = false;
    }
  }

  /** Looks up the patients the new entries name (once each), so lines show a name rather than an id. */
  private async namePatients(entries: AuditEntryView[], signal: AbortSignal): Promise<void> {
    const ids = [...new Set(entries.map((e) => e.patientId).filter((id): id is number => id !== null && !this.patients.has(id)))];
    if (!ids.length) return;
    const found = await Promise.all(
      ids.map((id) => apiGet<{ patient: PatientView }>(`/api/patients/${id}`, { signal }).then((r) => r.patient, () => null)),
    );
    if (signal.aborted) return;
    const patients = new Map(this.patients);
    ids.forEach((id, i) => patients.set(id, found[i]));
    this.patients = patients;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-audit-log': MqAuditLog;
  }
}
