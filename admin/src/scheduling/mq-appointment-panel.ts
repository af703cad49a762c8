import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppointmentResponse, AppointmentStatus, AppointmentView, CancelRequest } from '../../../common/booking';
import { ApiError, apiGet, apiPost } from '../../../common/web/api';
import { formatCalendarDate, formatInstant } from '../shared/clinic-format';
import { baseStyles } from '../../../common/web/shared-styles';
import { confirmAction } from '../shared/mq-confirm-dialog';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  checked_in: 'Checked in',
  in_consultation: 'In consultation',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'Did not come',
};

/**
 * One booked appointment, opened from the calendar: who, when, the booking code and its printable confirmation,
 * and the desk's steps while it is booked: cancel (with a reason, after a confirmation), reschedule (fires
 * `reschedule-start`; the calendar then picks the new slot), mark as a no-show. Fires `appointment-changed` after
 * a step.
 */
@customElement('mq-appointment-panel')
export class MqAppointmentPanel extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 0.25rem;
        font-size: 1.2rem;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.35rem 1rem;
        margin: 1rem 0;
      }
      dt {
        color: var(--mq-color-text-muted);
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      code {
        font-size: 1.15rem;
        font-weight: 700;
        letter-spacing: 0.1em;
      }
      .cancel {
        margin-top: 1.25rem;
        padding-top: 1rem;
        border-top: 1px solid var(--mq-color-border);
      }
      .cancel .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      .cancel .field {
        flex: 1 1 12rem;
      }
    `,
  ];

  @property({ type: Number }) appointmentId = 0;
  /** The clinic's zone, for the appointment's time. */
  @property() zone = 'UTC';

  @state() private appointment: AppointmentView | null = null;
  @state() private problem = '';
  @state() private notice = '';
  @state() private reason = '';
  @state() private reasonError = '';
  @state() private busy = false;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('appointmentId') && this.appointmentId) {
      this.appointment = null;
      this.notice = this.reason = this.reasonError = '';
      void this.load();
    }
  }

  render() {
    const a = this.appointment;
    if (!a) {
      return this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : html`<p class="status" role="status">Loading the appointment…</p>`;
    }
    return html`<h2>${a.patient.fullName}</h2>
      <p class="status">${formatInstant(a.startsAt, this.zone)} · ${a.doctor.name}, ${a.doctor.room}</p>
      <dl>
        <dt>Status</dt>
        <dd data-status=${a.status}>${STATUS_WORDS[a.status]}</dd>
        <dt>Booking code</dt>
        <dd><code>${a.bookingCode}</code></dd>
        <dt>Born</dt>
        <dd>${formatCalendarDate(a.patient.dateOfBirth)}</dd>
        <dt>Phone</dt>
        <dd>${a.patient.phone ?? '—'}</dd>
        <dt>Record</dt>
        <dd>${a.patient.medicalRecordNumber}</dd>
        ${a.reason ? html`<dt>Reason</dt><dd>${a.reason}</dd>` : nothing}
        ${a.cancellationReason ? html`<dt>Cancelled because</dt><dd>${a.cancellationReason}</dd>` : nothing}
      </dl>
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <a class="button" href=${a.confirmationUrl} target="_blank" rel="noopener">Print confirmation</a>
      </div>
      ${a.status === 'booked' ? this.renderSteps() : nothing}`;
  }

  private renderSteps() {
    return html`<div class="actions">
        <button type="button" ?disabled=${this.busy} @click=${this.reschedule}>Reschedule</button>
        <button type="button" ?disabled=${this.busy} @click=${this.noShow}>Mark as no-show</button>
      </div>
      <form class="cancel" @submit=${this.cancel}>
        <div class="row">
          <div class="field">
            <label for="cancel-reason">Reason for cancelling</label>
            <input
              id="cancel-reason"
              type="text"
              maxlength="255"
              placeholder="Patient called to cancel…"
              .value=${this.reason}
              aria-invalid=${this.reasonError ? 'true' : 'false'}
              @input=${(e: Event) => ((this.reason = (e.target as HTMLInputElement).value), (this.reasonError = ''))}
            />
          </div>
          <button class="danger" ?disabled=${this.busy}>Cancel appointment</button>
        </div>
        ${this.reasonError ? html`<span class="field-error">${this.reasonError}</span>` : nothing}
      </form>`;
  }

  private async load(): Promise<void> {
    const id = this.appointmentId;
    this.problem = '';
    try {
      const { appointment } = await apiGet<AppointmentResponse>(`/api/appointments/${id}`);
      if (id === this.appointmentId) this.appointment = appointment;
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : 'The appointment could not be loaded.';
    }
  }

  private reschedule(): void {
    this.dispatchEvent(new CustomEvent('reschedule-start', { detail: this.appointment!, bubbles: true, composed: true }));
  }

  private async noShow(): Promise<void> {
    const a = this.appointment!;
    const ok = await confirmAction({
      title: 'Mark as a no-show?',
      message: `${a.patient.fullName} did not come to the appointment at ${formatInstant(a.startsAt, this.zone)}. The slot is not offered again.`,
      confirmLabel: 'Mark as no-show',
      danger: true,
    });
    if (ok) await this.step(`/api/appointments/${a.id}/no-show`, undefined, 'Marked as a no-show.');
  }

  private async cancel(event: Event): Promise<void> {
    event.preventDefault();
    const a = this.appointment!;
    const reason = this.reason.trim();
    if (!reason) {
      this.reasonError = 'Say why the appointment is cancelled.';
      return;
    }
    const ok = await confirmAction({
      title: 'Cancel this appointment?',
      message: `${a.patient.fullName}'s appointment on ${formatInstant(a.startsAt, this.zone)} is cancelled. Its time is offered to others again, unless it is blocked or on a day off.`,
      confirmLabel: 'Cancel appointment',
      danger: true,
    });
    if (!ok) return;
    const body: CancelRequest = { reason };
    await this.step(`/api/appointments/${a.id}/cancel`, body, 'Appointment cancelled. The calendar shows whether its time can be booked again.');
  }

  private async step(path: string, body: unknown, done: string): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      const { appointment } = await apiPost<AppointmentResponse>(path, body);
      this.appointment = appointment;
      this.notice = done;
      this.reason = '';
      this.dispatchEvent(new CustomEvent('appointment-changed', { detail: appointment, bubbles: true, composed: true }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.fieldMessage('reason')) this.reasonError = error.fieldMessage('reason')!;
      else this.problem = error.message;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-appointment-panel': MqAppointmentPanel;
  }
}
