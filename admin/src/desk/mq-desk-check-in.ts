import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DoctorProfileView, PatientView } from '../../../common/admin';
import type { DepartmentSummary, PriorityReason, QueuePriority, TicketView, WalkInCheckInRequest } from '../../../common/api';
import { ApiError, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { checkInKey, PRIORITY_LABELS } from './desk-format';
import type { PatientChosenEvent } from '../shared/events';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import '../people/mq-patient-finder';
import './mq-desk-sign-in-link';

const REASONS: Array<{ value: PriorityReason; label: string }> = [
  { value: 'elderly', label: '65 or older' },
  { value: 'pregnant', label: 'Pregnant' },
  { value: 'disability', label: 'Disability' },
];

/**
 * Checks a patient in at the desk: find or register the patient, then department, doctor (or any doctor of the
 * department) and priority, through POST /api/queue/check-in. One idempotency key per attempt, kept when the
 * server could not be reached, so pressing "Check in" again never issues a second ticket. Fires `desk-ticket-issued`.
 */
@customElement('mq-desk-check-in')
export class MqDeskCheckIn extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .chosen {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        margin-bottom: 1.25rem;
        padding: 0.8rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-primary-soft);
      }
      .chosen a {
        display: block;
        margin-top: 0.25rem;
        color: var(--mq-color-primary);
        font-weight: 600;
      }
    `,
  ];

  /** Every department (inactive ones are left out of the choice). */
  @property({ attribute: false }) departments: DepartmentSummary[] = [];
  /** Every doctor's profile; the choice shows the chosen department's active ones. */
  @property({ attribute: false }) doctors: DoctorProfileView[] = [];

  @state() private patient: PatientView | null = null;
  @state() private departmentId: number | null = null;
  @state() private doctorId: number | null = null;
  @state() private priority: QueuePriority = 'normal';
  @state() private reason: PriorityReason | '' = '';
  @state() private error: ApiError | null = null;
  @state() private busy = false;
  /** The key of the attempt in progress; a new one once a ticket is issued or the request changes. */
  private key = checkInKey();

  render() {
    const active = this.departments.filter((d) => d.active);
    const departmentId = this.departmentId ?? active[0]?.id ?? null;
    const doctors = this.doctors.filter((d) => d.department.id === departmentId && d.active);
    if (!this.patient) {
      return html`<mq-patient-finder @patient-chosen=${(e: PatientChosenEvent) => this.choosePatient(e)}></mq-patient-finder>`;
    }
    const fieldError = (path: string) => {
      const message = this.error?.fieldMessage(path);
      return message ? html`<span class="field-error">${message}</span>` : nothing;
    };
    return html`
      <div class="chosen">
        <span>
          <strong>${this.patient.fullName}</strong>
          <span class="muted">born ${this.patient.dateOfBirth} · record ${this.patient.medicalRecordNumber}</span>
          <a href="#/patients/${this.patient.id}">Patient's page: what they reported, family</a>
        </span>
        <span>
          <mq-desk-sign-in-link patientId=${this.patient.id}></mq-desk-sign-in-link>
          <button type="button" @click=${() => this.reset()}>Change patient</button>
        </span>
      </div>
      <form @submit=${this.submit} novalidate>
        <div class="fields">
          <div class="field">
            <label for="department">Department</label>
            <select id="department" @change=${(e: Event) => this.change(() => {
              this.departmentId = Number((e.target as HTMLSelectElement).value);
              this.doctorId = null;
            })}>
              ${active.map((d) => html`<option value=${d.id} ?selected=${d.id === departmentId}>${d.name} (${d.prefix})</option>`)}
            </select>
            ${fieldError('departmentId')}
          </div>
          <div class="field">
            <label for="doctor">Doctor</label>
            <select id="doctor" @change=${(e: Event) => this.change(() => {
              const value = (e.target as HTMLSelectElement).value;
              this.doctorId = value ? Number(value) : null;
            })}>
              <option value="" ?selected=${this.doctorId === null}>Any doctor</option>
              ${doctors.map((d) => html`<option value=${d.id} ?selected=${d.id === this.doctorId}>${d.fullName} · ${d.room}</option>`)}
            </select>
            ${fieldError('doctorId')}
          </div>
          <div class="field">
            <label for="priority">Priority</label>
            <select id="priority" @change=${(e: Event) => this.change(() => {
              this.priority = (e.target as HTMLSelectElement).value as QueuePriority;
              if (this.priority !== 'priority') this.reason = '';
            })}>
              ${(['normal', 'priority', 'emergency'] as const).map(
                (p) => html`<option value=${p} ?selected=${p === this.priority}>${PRIORITY_LABELS[p]}</option>`,
              )}
            </select>
          </div>
          ${this.priority === 'priority'
            ? html`<div class="field">
                <label for="reason">Priority reason</label>
                <select id="reason" @change=${(e: Event) => this.change(() => (this.reason = (e.target as HTMLSelectElement).value as PriorityReason))}>
                  <option value="" ?selected=${this.reason === ''}>Not stated</option>
                  ${REASONS.map((r) => html`<option value=${r.value} ?selected=${r.value === this.reason}>${r.label}</option>`)}
                </select>
                ${fieldError('priorityReason')}
              </div>`
            : nothing}
        </div>
        ${this.error && !this.error.fields.length ? html`<p class="error" role="alert">${this.error.message}</p>` : nothing}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy || departmentId === null}>Check in</button>
        </div>
      </form>
    `;
  }

  private choosePatient(event: PatientChosenEvent): void {
    event.stopPropagation();
    this.patient = event.detail;
    this.key = checkInKey();
    this.error = null;
  }

  /** Applies a change to the request; a changed request is a new attempt with a key of its own. */
  private change(apply: () => void): void {
    apply();
    this.key = checkInKey();
    this.error = null;
  }

  private reset(): void {
    this.patient = null;
    this.priority = 'normal';
    this.reason = '';
    this.doctorId = null;
    this.error = null;
    this.key = checkInKey();
  }

  private readonly submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const departmentId = this.departmentId ?? this.departments.find((d) => d.active)?.id;
    if (this.busy || !this.patient || departmentId === undefined) return;
    this.busy = true;
    this.error = null;
    const request: WalkInCheckInRequest = {
      departmentId,
      patientId: this.patient.id,
      priority: this.priority,
      idempotencyKey: this.key,
      ...(this.doctorId !== null ? { doctorId: this.doctorId } : {}),
      ...(this.priority === 'priority' && this.reason ? { priorityReason: this.reason } : {}),
    };
    try {
      const ticket = await apiPost<TicketView>('/api/queue/check-in', request);
      this.dispatchEvent(new CustomEvent('desk-ticket-issued', { detail: ticket, bubbles: true, composed: true }));
      this.reset();
    } catch (error) {
      this.error = error instanceof ApiError ? error : null;
    } finally {
      this.busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-desk-check-in': MqDeskCheckIn;
  }
}
