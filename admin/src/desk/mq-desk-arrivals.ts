import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DepartmentSummary, QueueStatus } from '../../../common/api';
import type { ReceptionArrival } from '../../../common/reception';
import { baseStyles } from '../../../common/web/shared-styles';
import { clockTime, duration, PRIORITY_LABELS, STATUS_LABELS } from './desk-format';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/** Statuses of patients still in the building, as far as the queue knows. */
const STILL_HERE: readonly QueueStatus[] = ['waiting', 'called', 'in_consultation', 'skipped'];

/**
 * Today's arrivals across departments, newest first: token, patient (or "walk-in (no name)" with what they typed at
 * the kiosk), department, doctor or the shared pool, priority, status, and how long they have waited or when they
 * were called. Filters by department and by "still here". An anonymous walk-in has "Add patient", which fires
 * `add-patient`. The list itself comes from the desk, live.
 */
@customElement('mq-desk-arrivals')
export class MqDeskArrivals extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .token {
        font-size: 1.15rem;
        font-weight: 700;
        white-space: nowrap;
      }
      td.time {
        white-space: nowrap;
      }
      .toolbar label.check {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        min-height: 2.6rem;
      }
      .emergency {
        color: var(--mq-color-danger);
        font-weight: 700;
      }
      .priority {
        color: var(--mq-color-warning);
        font-weight: 600;
      }
      .state {
        display: inline-block;
        padding: 0.1rem 0.55rem;
        border-radius: 999px;
        background: var(--mq-color-surface-alt);
        font-size: 0.9rem;
        white-space: nowrap;
      }
      .state[data-status='called'],
      .state[data-status='in_consultation'] {
        background: var(--mq-color-primary-soft);
        color: var(--mq-color-primary-strong);
        font-weight: 600;
      }
      .state[data-status='completed'] {
        background: var(--mq-color-success-soft);
        color: var(--mq-color-success);
      }
      tr.done {
        color: var(--mq-color-text-muted);
      }
      /* Next to the token, so Print and Add patient show at any width, before anything scrolls. */
      td.actions-cell {
        white-space: nowrap;
      }
      td.actions-cell > * + * {
        margin-inline-start: 0.5rem;
      }
      td.actions-cell a {
        color: var(--mq-color-primary-strong);
        font-weight: 600;
      }
      .table-wrap {
        position: relative;
        overflow-x: auto;
      }
    `,
  ];

  /** Today's arrivals, in any order (null while the first snapshot is on its way). */
  @property({ attribute: false }) arrivals: ReceptionArrival[] | null = null;
  @property({ attribute: false }) departments: DepartmentSummary[] = [];
  /** The clock the waiting times are measured to (the desk ticks it). */
  @property({ attribute: false }) now = Date.now();

  @state() private departmentId = 0;
  @state() private stillHere = false;

  render() {
    return html`
      <div class="toolbar">
        <div class="field">
          <label for="arrivals-department">Show department</label>
          <select id="arrivals-department" @change=${(e: Event) => (this.departmentId = Number((e.target as HTMLSelectElement).value))}>
            <option value="0">All departments</option>
            ${this.departments.map((d) => html`<option value=${d.id} ?selected=${d.id === this.departmentId}>${d.name}</option>`)}
          </select>
        </div>
        <label class="check"><input type="checkbox" .checked=${this.stillHere} @change=${(e: Event) => (this.stillHere = (e.target as HTMLInputElement).checked)} />
          Only patients still here</label>
      </div>
      ${this.renderTable()}
    `;
  }

  private renderTable() {
    if (!this.arrivals) return html`<p class="status">Loading today's arrivals…</p>`;
    const rows = this.arrivals
      .filter((a) => !this.departmentId || a.department.id === this.departmentId)
      .filter((a) => !this.stillHere || STILL_HERE.includes(a.status))
      .sort((a, b) => Date.parse(b.checkedInAt) - Date.parse(a.checkedInAt) || b.id - a.id);
    if (!rows.length) {
      return html`<p class="empty">${this.arrivals.length ? 'No arrivals match these filters.' : 'Nobody has checked in today yet.'}</p>`;
    }
    return html`<div class="table-wrap"><table class="data" aria-label="Today's arrivals">
      <thead>
        <tr><th>Token</th><th><span class="visually-hidden">Actions</span></th><th>Patient</th><th>Department</th><th>Doctor</th><th>Priority</th><th>Status</th><th>Time</th></tr>
      </thead>
      <tbody>
        ${rows.map((a) => this.renderRow(a))}
      </tbody>
    </table></div>`;
  }

  private renderRow(a: ReceptionArrival) {
    const done = !STILL_HERE.includes(a.status);
    return html`<tr class=${done ? 'done' : ''} data-token=${a.token}>
      <td><span class="token">${a.token}</span></td>
      <td class="actions-cell">
        ${!a.patient && a.status !== 'transferred'
          ? html`<button type="button" aria-label="Add patient to ${a.token}" @click=${() => this.addPatient(a)}>Add patient</button>`
          : nothing}
        ${!done
          ? html`<a href="/t/${encodeURIComponent(a.publicCode)}/print" target="_blank" rel="noopener" aria-label="Print ticket ${a.token}">Print</a>`
          : nothing}
      </td>
      <td>
        ${a.patient
          ? html`${a.patient.fullName}${a.patient.age !== null ? html` <span class="muted">(${a.patient.age})</span>` : nothing}
              <div class="muted">record ${a.patient.medicalRecordNumber}</div>`
          : html`<em>walk-in (no name)</em>
              ${a.kioskFirstName || a.kioskPhone
                ? html`<div class="muted">At the kiosk: ${[a.kioskFirstName, a.kioskPhone].filter(Boolean).join(' · ')}</div>`
                : nothing}`}
        ${a.appointment ? html`<div class="muted">Appointment ${clockTime(a.appointment.startsAt)}</div>` : nothing}
      </td>
      <td>${a.department.name}</td>
      <td>${a.doctor ? html`${a.doctor.name} <div class="muted">${a.doctor.room}</div>` : html`<span class="muted">Any doctor</span>`}</td>
      <td class=${a.priority === 'normal' ? '' : a.priority}>${PRIORITY_LABELS[a.priority]}</td>
      <td><span class="state" data-status=${a.status}>${STATUS_LABELS[a.status] ?? a.status}</span></td>
      <td class="time">${this.timing(a)}</td>
    </tr>`;
  }

  private timing(a: ReceptionArrival) {
    if (a.status === 'waiting') return html`waiting ${duration(this.now - Date.parse(a.checkedInAt))}`;
    if ((a.status === 'called' || a.status === 'in_consultation') && a.calledAt) return html`called ${clockTime(a.calledAt)}`;
    if (a.status === 'completed' && a.completedAt) return html`done ${clockTime(a.completedAt)}`;
    return html`<span class="muted">in ${clockTime(a.checkedInAt)}</span>`;
  }

  private addPatient(arrival: ReceptionArrival): void {
    this.dispatchEvent(new CustomEvent('add-patient', { detail: arrival, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-desk-arrivals': MqDeskArrivals;
  }
}
