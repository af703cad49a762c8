import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { DoctorProfileView, WeekCalendar } from '../../../common/admin';
import type { ClinicInfo } from '../../../common/api';
import type { AppointmentResponse, AppointmentView, RescheduleRequest } from '../../../common/booking';
import { ApiError, apiGet, apiPost } from '../../../common/web/api';
import { addDays, mondayOf } from '../../../common/web/dates';
import { clinicDay, formatDay, formatInstant } from '../shared/clinic-format';
import { baseStyles } from '../../../common/web/shared-styles';
import './mq-appointment-panel';
import './mq-booking-panel';
import './mq-slot-block';
import './mq-doctor-picker';
import './mq-week-calendar';
import type { SlotChoice } from './mq-week-calendar';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/** How often the open week is read again, so bookings made elsewhere (another desk, online) appear by themselves. */
const REFRESH_MS = 30_000;

/**
 * The Appointments section (reception, admins): a doctor's week of slots (free, booked, blocked); a free slot
 * opens "Book", a booked one its appointment (cancel, reschedule, no-show). Rescheduling picks the new time in the
 * same calendar, of any doctor and week. The week is refreshed after every change and every 30 seconds.
 */
@customElement('mq-appointments')
export class MqAppointments extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: end;
        gap: 1rem;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 22rem;
        gap: 1.5rem;
        align-items: start;
        margin-top: 1.5rem;
      }
      .layout.full {
        grid-template-columns: minmax(0, 1fr);
      }
      @media (max-width: 80rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .card + .card {
        margin-top: 0;
      }
      .week-title {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.5rem;
      }
      .week-title .status {
        white-space: nowrap;
      }
      .moving {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        margin-top: 1rem;
        padding: 0.8rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-warning-soft);
        color: var(--mq-color-warning);
        font-weight: 600;
      }
    `,
  ];

  @state() private doctor: DoctorProfileView | null = null;
  @state() private clinic: ClinicInfo | null = null;
  @state() private week = '';
  @state() private calendar: WeekCalendar | null = null;
  @state() private loading = false;
  @state() private problem = '';
  @state() private notice = '';
  @state() private selected: SlotChoice | null = null;
  @state() private moving: AppointmentView | null = null;
  @state() private movingProblem = '';
  private timer: ReturnType<typeof setInterval> | undefined;
  private request = 0;

  connectedCallback(): void {
    super.connectedCallback();
    void this.loadClinic();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  render() {
    return html`
      <section class="card">
        <div class="top">
          <mq-doctor-picker departments @doctor-change=${this.onDoctor}></mq-doctor-picker>
          <nav aria-label="Weeks">
            <button type="button" @click=${() => this.go(-7)} ?disabled=${!this.week}>Previous week</button>
            <button type="button" @click=${() => this.go(0)} ?disabled=${!this.week}>This week</button>
            <button type="button" @click=${() => this.go(7)} ?disabled=${!this.week}>Next week</button>
          </nav>
        </div>
        ${this.moving
          ? html`<div class="moving" role="status">
              <span>Moving ${this.moving.patient.fullName}'s appointment (${formatInstant(this.moving.startsAt, this.zone())}): choose a free slot.</span>
              <button type="button" @click=${this.stopMoving}>Stop moving</button>
            </div>`
          : nothing}
      </section>
      <div class="layout ${this.selected ? '' : 'full'}">
        <section class="card" aria-labelledby="week-title" aria-busy=${this.loading ? 'true' : 'false'}>${this.renderWeek()}</section>
        ${this.selected ? html`<aside class="card" aria-label="Selected slot">${this.renderPanel(this.selected)}</aside>` : nothing}
      </div>
    `;
  }

  private renderWeek() {
    const heading = html`<header class="week-title">
      <h2 id="week-title">${this.week ? `Week of ${formatDay(this.week, 'long')}` : 'Week'}${this.doctor ? ` · ${this.doctor.fullName}` : ''}</h2>
      ${this.loading ? html`<span class="status" role="status">Loading…</span>` : nothing}
    </header>`;
    if (this.problem) return html`${heading}<p class="error" role="alert">${this.problem}</p>`;
    if (this.notice) return html`${heading}<p class="ok" role="status">${this.notice}</p>${this.renderCalendar()}`;
    return html`${heading}${this.renderCalendar()}`;
  }

  private renderCalendar() {
    if (!this.doctor) return html`<p class="empty">Choose a doctor to see their week.</p>`;
    if (!this.calendar) return html`<p class="status" role="status">Loading the week…</p>`;
    if (this.calendar.days.every((d) => !d.slots.length && !d.exception)) {
      return html`<p class="empty">No slots this week. Slots are made from the doctor's weekly hours in Schedules (admins).</p>`;
    }
    return html`<mq-week-calendar
      .calendar=${this.calendar}
      today=${this.today()}
      .selectedId=${this.selected?.slot.id ?? 0}
      @slot-select=${this.onSelect}
    ></mq-week-calendar>`;
  }

  private renderPanel({ slot, day }: SlotChoice) {
    if (slot.status === 'booked' && slot.appointment) {
      return html`<mq-appointment-panel
        .appointmentId=${slot.appointment.id}
        zone=${this.zone()}
        @appointment-changed=${this.onChanged}
        @reschedule-start=${this.onRescheduleStart}
      ></mq-appointment-panel>`;
    }
    const when = `${formatDay(day.date, 'long')} at ${slot.start}`;
    if (slot.status === 'blocked') {
      return html`<h2>${when}</h2>
        <p>This slot is blocked${day.exception ? `: the doctor is off (${day.exception.reason ?? 'no reason given'})` : ''} and cannot be booked.</p>
        ${day.exception ? nothing : html`<mq-slot-block .target=${slot} when=${when} @slots-changed=${this.onSlotsChanged}></mq-slot-block>`}`;
    }
    if (this.moving) {
      return html`<h2>Move here?</h2>
        <p>${this.moving.patient.fullName}'s appointment moves from ${formatInstant(this.moving.startsAt, this.zone())} to
          ${formatDay(day.date, 'long')} at ${slot.start} with ${this.calendar?.doctor.name}. The booking code stays ${this.moving.bookingCode}.</p>
        ${this.movingProblem ? html`<p class="error" role="alert">${this.movingProblem}</p>` : nothing}
        <div class="actions"><button type="button" class="primary" @click=${() => this.moveTo(slot.id)}>Move appointment here</button></div>`;
    }
    return html`<mq-booking-panel
        .freeSlot=${slot}
        date=${day.date}
        doctorName=${this.calendar?.doctor.name ?? ''}
        @appointment-booked=${this.onChanged}
        @calendar-stale=${this.refresh}
      ></mq-booking-panel>
      <mq-slot-block .target=${slot} when=${when} @slots-changed=${this.onSlotsChanged}></mq-slot-block>`;
  }

  private zone(): string {
    return this.calendar?.timeZone ?? this.clinic?.timeZone ?? 'UTC';
  }

  private today(): string {
    return clinicDay(new Date(), this.zone());
  }

  private async loadClinic(): Promise<void> {
    try {
      this.clinic = await apiGet<ClinicInfo>('/api/clinic');
      this.week ||= mondayOf(clinicDay(new Date(this.clinic.serverTime), this.clinic.timeZone));
      void this.refresh();
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : 'The clinic could not be reached.';
    }
  }

  private onDoctor(event: CustomEvent<DoctorProfileView | null>): void {
    this.doctor = event.detail;
    this.calendar = null;
    if (!this.moving) this.selected = null;
    void this.refresh();
  }

  private go(days: number): void {
    this.week = days ? addDays(this.week, days) : mondayOf(this.today());
    this.calendar = null;
    this.selected = null;
    void this.refresh();
  }

  /** Reads the open week again; an answer for an older request (another doctor or week) is dropped. */
  private refresh = async (): Promise<void> => {
    if (!this.doctor || !this.week) return;
    const request = ++this.request;
    this.loading = true;
    try {
      const calendar = await apiGet<WeekCalendar>(`/api/doctors/${this.doctor.id}/calendar?week=${this.week}`);
      if (request !== this.request) return;
      this.calendar = calendar;
      this.problem = '';
    } catch (error) {
      if (request === this.request) this.problem = error instanceof ApiError ? error.message : 'The week could not be loaded.';
    } finally {
      if (request === this.request) this.loading = false;
    }
  };

  private onSelect(event: CustomEvent<SlotChoice>): void {
    this.selected = event.detail;
    this.notice = '';
    this.movingProblem = '';
  }

  private onChanged(): void {
    void this.refresh();
  }

  /** A slot was blocked or unblocked: the panel closes and the week is read again. */
  private onSlotsChanged(): void {
    this.selected = null;
    void this.refresh();
  }

  private onRescheduleStart(event: CustomEvent<AppointmentView>): void {
    this.moving = event.detail;
    this.selected = null;
    this.notice = '';
  }

  private stopMoving(): void {
    this.moving = null;
    this.selected = null;
  }

  private async moveTo(slotId: number): Promise<void> {
    const moving = this.moving!;
    this.movingProblem = '';
    try {
      const body: RescheduleRequest = { slotId };
      const { appointment } = await apiPost<AppointmentResponse>(`/api/appointments/${moving.id}/reschedule`, body);
      this.moving = null;
      this.selected = null;
      this.notice = `${appointment.patient.fullName}'s appointment is now ${formatInstant(appointment.startsAt, this.zone())} with ${appointment.doctor.name}.`;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.movingProblem = error.message;
    }
    // Taken, past or moved: the week on screen is out of date either way.
    await this.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-appointments': MqAppointments;
  }
}
