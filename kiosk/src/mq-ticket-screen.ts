import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseStyles } from '../../common/web/shared-styles';
import { CountdownController } from './controllers/countdown-controller';
import { fire, type IssuedTicket } from './events';
import { kioskStyles } from './kiosk-styles';
import type { KioskLocale } from './locale';
import { printTicket } from './print';

/**
 * The patient's ticket: the token large, department, doctor and room, place in line and estimated wait, and a QR
 * code (made on the server) that opens the live ticket page on their phone. "Print ticket" prints the 80 mm slip
 * without leaving the screen (unless the kiosk's profile turns printing off). Goes back to the start by itself after a countdown, and shortly after printing.
 */
@customElement('mq-ticket-screen')
export class MqTicketScreen extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr);
        gap: clamp(1.25rem, 3vmin, 2.5rem);
        align-items: stretch;
      }
      .ticket {
        display: grid;
        align-content: start;
        overflow: hidden;
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        box-shadow: var(--mq-shadow-raised);
      }
      .head {
        display: grid;
        gap: 0.25rem;
        padding: clamp(1.25rem, 3.5vmin, 2.5rem) clamp(1.5rem, 4vmin, 3rem);
        background: var(--mq-color-primary);
        color: var(--mq-color-on-primary);
      }
      .body {
        display: grid;
        gap: clamp(1rem, 2.5vmin, 1.75rem);
        padding: clamp(1.25rem, 3.5vmin, 2.5rem) clamp(1.5rem, 4vmin, 3rem);
      }
      .label {
        margin: 0;
        font-size: clamp(1.1rem, 2.6vmin, 1.6rem);
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.08em;
        opacity: 0.85;
      }
      .token {
        margin: 0;
        font-size: clamp(4.5rem, 14vmin, 11rem);
        font-weight: 800;
        line-height: 1;
        letter-spacing: 0.01em;
        font-variant-numeric: tabular-nums;
        direction: ltr;
        unicode-bidi: isolate;
        text-align: start;
      }
      .seat {
        margin: 0;
        padding: 1rem 1.25rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-primary-soft);
        color: var(--mq-color-primary-strong);
        font-size: clamp(1.1rem, 2.5vmin, 1.5rem);
        font-weight: 600;
      }
      .side {
        display: grid;
        align-content: space-between;
        gap: 1.25rem;
      }
      .qr {
        display: grid;
        justify-items: center;
        gap: 0.75rem;
        padding: clamp(1rem, 3vmin, 2rem);
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        box-shadow: var(--mq-shadow);
        text-align: center;
      }
      .qr img {
        width: min(100%, clamp(11rem, 26vmin, 22rem));
        height: auto;
        aspect-ratio: 1;
        image-rendering: pixelated;
      }
      .qr p {
        margin: 0;
        font-size: clamp(1.05rem, 2.3vmin, 1.4rem);
        font-weight: 600;
      }
      .buttons {
        display: grid;
        gap: 1rem;
      }
      .countdown {
        margin: 0;
        text-align: center;
        font-size: clamp(1rem, 2.2vmin, 1.3rem);
        color: var(--mq-color-text-muted);
        font-variant-numeric: tabular-nums;
      }
      /* Portrait kiosks (1080x1920) have room to spare: a bigger ticket, centred on the screen. */
      @media (orientation: portrait) {
        :host {
          grid-template-columns: 1fr;
          align-content: center;
          min-height: 100%;
        }
        .token {
          font-size: 20vmin;
        }
        dl {
          font-size: 3.4vmin;
        }
        .seat,
        .qr p {
          font-size: 2.8vmin;
        }
        .qr img {
          width: 36vmin;
        }
      }
    `,
  ];

  @property({ attribute: false }) locale!: KioskLocale;
  @property({ attribute: false }) issued!: IssuedTicket;
  /** Seconds before going back to the start. */
  @property({ type: Number }) seconds = 30;
  /** Seconds "Printing… please take your ticket" stays up. */
  @property({ type: Number }) printedSeconds = 5;
  /** Offer "Print ticket" (a kiosk profile turns it off on a kiosk with no printer). */
  @property({ type: Boolean }) printing = true;

  @state() private printed = false;
  private readonly countdown = new CountdownController(this, () => fire(this, 'kiosk-home'));

  connectedCallback(): void {
    super.connectedCallback();
    this.countdown.start(this.seconds);
  }

  render() {
    const { t } = this.locale;
    const ticket = this.issued.ticket;
    return html`
      <section class="ticket" aria-labelledby="token-label">
        <div class="head">
          <p class="label" id="token-label">${t.ticket.yourNumber}</p>
          <p class="token" aria-describedby="token-label">${ticket.token}</p>
        </div>
        <div class="body">
          <dl>
            <dt>${t.ticket.department}</dt>
            <dd>${this.locale.department(ticket.department)}</dd>
            <dt>${t.ticket.doctor}</dt>
            <dd>${ticket.doctor ? html`${ticket.doctor.name} · ${this.locale.room(ticket.doctor.room)}` : t.ticket.anyDoctor}</dd>
            ${this.issued.appointmentAt ? html`<dt>${t.appointment.yours}</dt><dd>${t.ticket.appointmentAt(this.locale.time(this.issued.appointmentAt))}</dd>` : nothing}
            ${ticket.position !== null
              ? html`<dt>${t.ticket.place}</dt>
                  <dd>${ticket.position === 1 ? t.ticket.next : ticket.position}</dd>
                  <dt>${t.ticket.wait}</dt>
                  <dd>${t.ticket.waitValue(ticket.etaMinutes ?? 0)}</dd>`
              : nothing}
          </dl>
          <p class="seat">${t.ticket.seat}</p>
        </div>
      </section>
      <div class="side">
        <figure class="qr" style="margin:0">
          <img src="/t/${encodeURIComponent(ticket.publicCode)}/qr.svg?lang=${this.locale.language}" alt=${t.ticket.scan} width="300" height="300" />
          <figcaption><p>${t.ticket.scan}</p></figcaption>
        </figure>
        <div class="buttons">
          ${!this.printing
            ? nothing
            : this.printed
            ? html`<p class="message" role="status">${t.ticket.printing}</p>`
            : html`<button class="btn primary" @click=${this.print}>
                <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M6 9V3h12v6M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2" /><path d="M6 14h12v7H6z" /></svg>
                ${t.ticket.print}
              </button>`}
          <button class="btn" @click=${() => fire(this, 'kiosk-home')}>${t.ticket.done}</button>
          <p class="countdown" aria-live="off">${t.ticket.returning(this.countdown.remaining)}</p>
        </div>
      </div>
    `;
  }

  private readonly print = async (): Promise<void> => {
    this.printed = true;
    try {
      await printTicket(this.issued.ticket.publicCode, this.locale.language);
    } finally {
      // Whatever the printer did, the next patient needs the screen: the slip is out, or the QR was there to scan.
      this.countdown.start(this.printedSeconds);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-ticket-screen': MqTicketScreen;
  }
}
