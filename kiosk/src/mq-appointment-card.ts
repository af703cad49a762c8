import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { KioskAppointment } from '../../common/kiosk';
import { baseStyles } from '../../common/web/shared-styles';
import { fire } from './events';
import { kioskStyles } from './kiosk-styles';
import type { KioskLocale } from './locale';

/**
 * The appointment the kiosk found, for the patient to recognise before checking in: doctor, department, room and
 * time, and nothing else about them. Says plainly when it cannot be checked in now (too early, another day,
 * cancelled). Fires `appointment-confirm`, or `kiosk-home` for "Not your appointment?".
 */
@customElement('mq-appointment-card')
export class MqAppointmentCard extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        display: grid;
        gap: var(--k-gap);
        max-width: 56rem;
      }
      .card {
        display: grid;
        gap: 1.25rem;
        padding: clamp(1.5rem, 4vmin, 2.5rem);
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        box-shadow: var(--mq-shadow-raised);
        border-inline-start: 10px solid var(--mq-color-primary);
      }
      .when {
        margin: 0;
        font-size: clamp(2.2rem, 6vmin, 3.6rem);
        font-weight: 800;
        color: var(--mq-color-primary-strong);
        font-variant-numeric: tabular-nums;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      .actions .primary {
        flex: 1 1 20rem;
      }
      @media (orientation: portrait) {
        :host {
          max-width: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) locale!: KioskLocale;
  @property({ attribute: false }) appointment!: KioskAppointment;
  /** A refusal from the check-in itself, in words. */
  @property() error = '';

  render() {
    const { t } = this.locale;
    const a = this.appointment;
    const time = this.locale.time(a.startsAt);
    const blocker =
      a.state === 'too_early'
        ? t.appointment.tooEarly(time, this.locale.time(a.checkInFrom))
        : a.state === 'other_day'
          ? t.appointment.otherDay(this.locale.date(a.startsAt), time)
          : a.state === 'closed'
            ? t.appointment.closed
            : '';
    return html`
      <section class="card" aria-labelledby="title">
        <h2 id="title">${t.appointment.yours}</h2>
        <p class="when">${a.state === 'other_day' ? `${this.locale.date(a.startsAt)} · ${time}` : t.appointment.at(time)}</p>
        <dl>
          <dt>${t.ticket.doctor}</dt>
          <dd>${a.doctor.name}</dd>
          <dt>${t.ticket.department}</dt>
          <dd>${this.locale.department(a.department)}</dd>
          <dt>${t.room}</dt>
          <dd>${this.locale.room(a.doctor.room)}</dd>
        </dl>
      </section>
      ${blocker || this.error ? html`<p class="message ${this.error ? 'error' : ''}" role="alert">${this.error || blocker}</p>` : nothing}
      <div class="actions">
        ${a.state === 'ready' ? html`<button class="btn primary" @click=${() => this.dispatchEvent(new CustomEvent('appointment-confirm', { bubbles: true, composed: true }))}>${t.appointment.checkIn}</button>` : nothing}
        <button class="btn" @click=${() => fire(this, 'kiosk-home')}>${a.state === 'ready' ? t.appointment.notYours : t.startOver}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-appointment-card': MqAppointmentCard;
  }
  interface GlobalEventHandlersEventMap {
    /** The patient confirmed the appointment shown is theirs. */
    'appointment-confirm': CustomEvent<void>;
  }
}
