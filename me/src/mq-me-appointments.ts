import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PublicSlot } from '../../common/booking';
import type { MyAppointment, MyAppointmentsResponse, MySlotsResponse } from '../../common/me';
import { ApiError, apiGet, apiPost } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { bookStyles } from '../../book/src/book-styles';
import type { BookLocale } from '../../book/src/locale';
import '../../book/src/mq-day-picker';
import '../../book/src/mq-slot-list';
import { meStyles, sectionStyles } from './me-styles';
import { attempt } from './me-api';
import './mq-me-ticket';

/**
 * Upcoming appointments, each with cancel (asked twice) and "change time" to a free time of the same doctor, picked
 * with the booking page's day picker and time list; and today's ticket when the patient has checked in.
 */
@customElement('mq-me-appointments')
export class MqMeAppointments extends LitElement {
  static styles = [baseStyles, bookStyles, meStyles, sectionStyles];

  @property({ attribute: false }) locale!: BookLocale;
  @state() private data: MyAppointmentsResponse | null = null;
  /** The appointment being moved, with the free times offered for it. */
  @state() private moving: { appointment: MyAppointment; slots: PublicSlot[]; day: string } | null = null;
  @state() private confirming = 0;
  @state() private notice = '';
  @state() private message = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  render() {
    const t = this.locale.texts.me;
    if (!this.data) return html`<p class="status" role="status">${this.locale.t.loading}</p>`;
    return html`${this.data.ticket
        ? html`<mq-me-ticket .locale=${this.locale} token=${this.data.ticket.token} code=${this.data.ticket.publicCode}></mq-me-ticket>`
        : nothing}
      <section class="card" aria-labelledby="upcoming">
        <h2 id="upcoming">${t.upcoming}</h2>
        ${this.notice ? html`<p role="status" class="chosen">${this.notice}</p>` : nothing}
        ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
        ${this.data.upcoming.length
          ? html`<ul class="plain">${this.data.upcoming.map((a) => html`<li>${this.renderOne(a)}</li>`)}</ul>`
          : html`<p>${t.noUpcoming}</p>`}
        <p><a class="button" href="/book?lang=${this.locale.language}">${this.locale.t.bookAnother}</a></p>
      </section>`;
  }

  private renderOne(a: MyAppointment) {
    const t = this.locale.texts.me;
    return html`${a.forFamily ? html`<p class="for"><strong dir="auto">${t.forFamily(a.forFamily)}</strong></p>` : nothing}
      <h3>${this.locale.t.at(this.locale.day(a.date, 'long'), a.start)}</h3>
      <p><span dir="auto">${a.doctor.name}</span> · ${this.locale.department(a.department)} · ${this.locale.room(a.doctor.room)}</p>
      <p>${t.bookingCode}: <strong>${a.bookingCode}</strong></p>
      ${a.changeable
        ? this.moving?.appointment.id === a.id
          ? this.renderMove()
          : html`<div class="buttons">
              <button type="button" @click=${() => this.startMove(a)}>${t.reschedule}</button>
              ${this.confirming === a.id
                ? html`<button type="button" class="primary" @click=${() => this.cancel(a)}>${t.cancelConfirm}</button>
                    <button type="button" @click=${() => (this.confirming = 0)}>${t.keep}</button>`
                : html`<button type="button" @click=${() => (this.confirming = a.id)}>${t.cancel}</button>`}
            </div>`
        : nothing}`;
  }

  private renderMove() {
    const t = this.locale.texts.me;
    const { slots, day } = this.moving!;
    const days = [...new Set(slots.map((s) => s.date))];
    if (!days.length) return html`<p>${t.noTimes}</p><button type="button" @click=${() => (this.moving = null)}>${this.locale.t.another}</button>`;
    return html`<fieldset class="days">
        <legend>${t.chooseTime}</legend>
        <mq-day-picker .locale=${this.locale} .days=${days} selected=${day}
          @day-pick=${(e: CustomEvent<string>) => (this.moving = { ...this.moving!, day: e.detail })}></mq-day-picker>
      </fieldset>
      <mq-slot-list .slots=${slots.filter((s) => s.date === day)} @slot-pick=${this.move}></mq-slot-list>
      <button type="button" class="more" @click=${() => (this.moving = null)}>${t.keep}</button>`;
  }

  private async load(): Promise<void> {
    await this.run(async () => {
      this.data = await apiGet<MyAppointmentsResponse>('/api/me/appointments');
    });
  }

  private async startMove(appointment: MyAppointment): Promise<void> {
    await this.run(async () => {
      const { slots } = await apiGet<MySlotsResponse>(`/api/me/appointments/${appointment.id}/slots`);
      this.moving = { appointment, slots, day: slots[0]?.date ?? '' };
    });
  }

  private move = async (event: CustomEvent<PublicSlot>): Promise<void> => {
    const id = this.moving!.appointment.id;
    await this.run(async () => {
      await apiPost(`/api/me/appointments/${id}/reschedule`, { slotId: event.detail.id });
      this.moving = null;
      this.notice = this.locale.texts.me.moved;
      await this.load();
    });
  };

  private async cancel(appointment: MyAppointment): Promise<void> {
    await this.run(async () => {
      await apiPost(`/api/me/appointments/${appointment.id}/cancel`);
      this.confirming = 0;
      this.notice = this.locale.texts.me.cancelled;
      await this.load();
    });
  }

  /** Runs a request; a lost session signs the page out, other refusals are shown in words. */
  private async run(work: () => Promise<void>): Promise<void> {
    this.message = '';
    this.message = await attempt(this, this.locale, work, (error) => {
      // A time taken meanwhile: offer the times as they are now.
      if (this.moving && error instanceof ApiError && error.status === 409) void this.startMove(this.moving.appointment);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-me-appointments': MqMeAppointments;
  }
}
