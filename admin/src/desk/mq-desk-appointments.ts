import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TicketView } from '../../../common/api';
import type { AppointmentListResponse, AppointmentStatus, AppointmentView } from '../../../common/booking';
import { ApiError, apiGet, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { checkInKey, clockTime } from './desk-format';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

const STATUS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  checked_in: 'Checked in',
  in_consultation: 'In consultation',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** A change to the queue usually moves an appointment too; wait for a burst to settle before reading again. */
const RELOAD_DELAY_MS = 400;
/** Bookings made elsewhere change no queue; read again this often anyway. */
const POLL_MS = 60_000;

/**
 * The clinic day's appointments (GET /api/appointments?from=&to=) with their status, and "Check in" on a booked
 * one (POST /api/queue/check-in/appointment with its booking code), which fires `desk-ticket-issued`. Reads again
 * whenever the desk's `revision` moves (a queue changed) and every minute.
 */
@customElement('mq-desk-appointments')
export class MqDeskAppointments extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      td.time {
        font-weight: 700;
        white-space: nowrap;
      }
      td button {
        white-space: nowrap;
      }
      .row-error {
        margin-top: 0.35rem;
        color: var(--mq-color-danger);
        font-size: 0.9rem;
      }
      .table-wrap {
        max-height: 32rem;
        overflow: auto;
      }
    `,
  ];

  /** The clinic day ('YYYY-MM-DD'); nothing is read until it is known. */
  @property() day: string | null = null;
  /** Moves whenever a queue changed: the list is read again. */
  @property({ type: Number }) revision = 0;

  @state() private appointments: AppointmentView[] | null = null;
  @state() private error = '';
  /** Per appointment: a refusal of its check-in, in the server's words. */
  @state() private rowErrors = new Map<number, string>();
  @state() private busy = new Set<number>();

  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  /** One key per appointment's check-in attempt, kept until it succeeds, so a retry never issues two tickets. */
  private readonly keys = new Map<number, string>();

  connectedCallback(): void {
    super.connectedCallback();
    this.poll = setInterval(() => void this.load(), POLL_MS);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.poll);
    clearTimeout(this.reloadTimer);
  }

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has('day') && this.day) void this.load();
    else if (changed.has('revision') && this.day) {
      clearTimeout(this.reloadTimer);
      this.reloadTimer = setTimeout(() => void this.load(), RELOAD_DELAY_MS);
    }
  }

  render() {
    if (this.error && !this.appointments) return html`<p class="error" role="alert">${this.error}</p>`;
    if (!this.appointments) return html`<p class="status">Loading today's appointments…</p>`;
    if (!this.appointments.length) return html`<p class="empty">No appointments booked for today.</p>`;
    return html`${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="table-wrap"><table class="data" aria-label="Today's appointments">
        <thead><tr><th>Time</th><th>Patient</th><th>Doctor</th><th>Status</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          ${this.appointments.map(
            (a) => html`<tr data-code=${a.bookingCode}>
              <td class="time">${clockTime(a.startsAt)}</td>
              <td>${a.patient.fullName}<div class="muted">code ${a.bookingCode}</div></td>
              <td>${a.doctor.name}<div class="muted">${a.doctor.departmentName} · ${a.doctor.room}</div></td>
              <td>${STATUS[a.status] ?? a.status}</td>
              <td>
                ${a.status === 'booked'
                  ? html`<button type="button" class="primary" ?disabled=${this.busy.has(a.id)}
                      aria-label="Check in ${a.patient.fullName} (${clockTime(a.startsAt)})" @click=${() => this.checkIn(a)}>Check in</button>`
                  : nothing}
                ${this.rowErrors.has(a.id) ? html`<div class="row-error" role="alert">${this.rowErrors.get(a.id)}</div>` : nothing}
              </td>
            </tr>`,
          )}
        </tbody>
      </table></div>`;
  }

  private async load(): Promise<void> {
    if (!this.day) return;
    try {
      const list = await apiGet<AppointmentListResponse>(`/api/appointments?from=${this.day}&to=${this.day}&pageSize=100`);
      this.appointments = list.appointments;
      this.error = list.total > list.appointments.length ? `Showing the first ${list.appointments.length} of ${list.total} appointments.` : '';
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : "Today's appointments could not be loaded.";
    }
  }

  private async checkIn(appointment: AppointmentView): Promise<void> {
    const key = this.keys.get(appointment.id) ?? checkInKey();
    this.keys.set(appointment.id, key);
    this.busy = new Set(this.busy).add(appointment.id);
    const errors = new Map(this.rowErrors);
    errors.delete(appointment.id);
    this.rowErrors = errors;
    try {
      const ticket = await apiPost<TicketView>('/api/queue/check-in/appointment', { bookingCode: appointment.bookingCode, idempotencyKey: key });
      this.keys.delete(appointment.id);
      this.dispatchEvent(new CustomEvent('desk-ticket-issued', { detail: ticket, bubbles: true, composed: true }));
      await this.load();
    } catch (error) {
      // A refusal (too early, cancelled) is final for this attempt; only a lost answer keeps the key for the retry.
      if (!(error instanceof ApiError) || error.status !== 0) this.keys.delete(appointment.id);
      this.rowErrors = new Map(this.rowErrors).set(appointment.id, error instanceof ApiError ? error.message : 'The check-in failed.');
    } finally {
      const busy = new Set(this.busy);
      busy.delete(appointment.id);
      this.busy = busy;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-desk-appointments': MqDeskAppointments;
  }
}
