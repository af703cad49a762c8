import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CalendarSlot, PatientView } from '../../../common/admin';
import type { AppointmentResponse, AppointmentView, BookRequest } from '../../../common/booking';
import { ApiError, apiPost } from '../../../common/web/api';
import { formatCalendarDate, formatDay } from '../shared/clinic-format';
import { baseStyles } from '../../../common/web/shared-styles';
import '../people/mq-patient-finder';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/** Refusals that mean the calendar on screen is out of date: the slot was taken, blocked or has passed. */
export const STALE_SLOT_ERRORS = new Set(['slot_taken', 'slot_unavailable', 'slot_past']);

/**
 * Books one free slot: choose (or register) the patient, an optional reason, then "Book". Shows the booking code
 * and a link to the printable confirmation with its QR code. Fires `appointment-booked` after a booking, and
 * `calendar-stale` when the server says the slot is no longer free (its words are shown here).
 */
@customElement('mq-booking-panel')
export class MqBookingPanel extends LitElement {
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
      .sub {
        margin: 0 0 1rem;
        color: var(--mq-color-text-muted);
      }
      .chosen {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        padding: 0.7rem 0.9rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-surface-alt);
      }
      .code {
        margin: 0.5rem 0;
        font: 700 2rem/1.1 ui-monospace, 'DejaVu Sans Mono', monospace;
        letter-spacing: 0.12em;
      }
      .field {
        margin-top: 1rem;
      }
    `,
  ];

  @property({ attribute: false }) freeSlot!: CalendarSlot;
  @property() date = '';
  @property() doctorName = '';

  @state() private patient: PatientView | null = null;
  @state() private reason = '';
  @state() private booking = false;
  @state() private problem = '';
  @state() private booked: AppointmentView | null = null;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('freeSlot') && changed.get('freeSlot')?.id !== this.freeSlot.id) {
      this.booked = null;
      this.problem = '';
    }
  }

  render() {
    const when = `${formatDay(this.date, 'long')} at ${this.freeSlot.start}`;
    if (this.booked) {
      return html`<h2>Booked</h2>
        <p class="sub">${this.booked.patient.fullName} with ${this.doctorName}, ${when}.</p>
        <p>Booking code</p>
        <p class="code" aria-label="Booking code">${this.booked.bookingCode}</p>
        <p class="status">The patient types this code, or scans the confirmation's QR code, at the kiosk on the day.</p>
        <div class="actions">
          <a class="button primary" href=${this.booked.confirmationUrl} target="_blank" rel="noopener">Print confirmation</a>
        </div>`;
    }
    return html`<h2>Book ${when}</h2>
      <p class="sub">With ${this.doctorName}, until ${this.freeSlot.end}.</p>
      ${this.patient
        ? html`<div class="chosen">
            <div><strong>${this.patient.fullName}</strong><br /><span class="status">Born ${formatCalendarDate(this.patient.dateOfBirth)} · ${this.patient.medicalRecordNumber}</span></div>
            <button type="button" @click=${() => (this.patient = null)}>Change<span class="visually-hidden"> patient</span></button>
          </div>`
        : html`<mq-patient-finder @patient-chosen=${this.onPatient}></mq-patient-finder>`}
      <div class="field">
        <label for="reason">Reason for the visit (optional)</label>
        <input id="reason" type="text" maxlength="255" .value=${this.reason} @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)} />
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${!this.patient || this.booking} @click=${this.book}>
          ${this.booking ? 'Booking…' : 'Book'}
        </button>
      </div>`;
  }

  private onPatient(event: CustomEvent<PatientView>): void {
    this.patient = event.detail;
    this.problem = '';
  }

  private async book(): Promise<void> {
    if (!this.patient) return;
    this.booking = true;
    this.problem = '';
    try {
      const body: BookRequest = { slotId: this.freeSlot.id, patientId: this.patient.id, reason: this.reason.trim() || null };
      const { appointment } = await apiPost<AppointmentResponse>('/api/appointments', body);
      this.booked = appointment;
      this.patient = null;
      this.reason = '';
      this.dispatchEvent(new CustomEvent('appointment-booked', { detail: appointment, bubbles: true, composed: true }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.problem = error.message;
      if (STALE_SLOT_ERRORS.has(error.id)) this.dispatchEvent(new CustomEvent('calendar-stale', { bubbles: true, composed: true }));
    } finally {
      this.booking = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-booking-panel': MqBookingPanel;
  }
}
