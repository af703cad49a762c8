import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../common/web/shared-styles';
import { CountdownController } from './controllers/countdown-controller';
import { fire, type IssuedTicket } from './events';
import { kioskStyles } from './kiosk-styles';
import type { KioskLocale } from './locale';

/**
 * After an emergency check-in: go to the reception desk now (reception has been alerted), with the token so staff
 * can match the patient to the alert. Nothing else to read. Back to the start after a countdown, or "Done".
 */
@customElement('mq-emergency-screen')
export class MqEmergencyScreen extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100%;
      }
      .panel {
        display: grid;
        justify-items: center;
        gap: clamp(1rem, 3vmin, 2rem);
        width: min(100%, 60rem);
        padding: clamp(2rem, 6vmin, 4rem);
        border-radius: var(--mq-radius);
        background: var(--mq-color-danger);
        color: #fff;
        text-align: center;
        box-shadow: var(--mq-shadow-raised);
      }
      svg {
        width: clamp(4rem, 12vmin, 7rem);
        height: clamp(4rem, 12vmin, 7rem);
      }
      h2 {
        font-size: clamp(2.2rem, 6vmin, 4rem);
      }
      .detail {
        margin: 0;
        font-size: clamp(1.3rem, 3vmin, 1.9rem);
      }
      .number {
        display: grid;
        gap: 0.25rem;
        padding: 1rem 2.5rem;
        border-radius: var(--mq-radius-sm);
        background: #fff;
        color: var(--mq-color-danger);
      }
      .number span {
        font-size: clamp(1rem, 2.2vmin, 1.3rem);
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.08em;
      }
      .number strong {
        font-size: clamp(3rem, 10vmin, 6rem);
        line-height: 1;
        direction: ltr;
        unicode-bidi: isolate;
      }
      .btn {
        border-color: #fff;
        min-width: 16rem;
      }
    `,
  ];

  @property({ attribute: false }) locale!: KioskLocale;
  @property({ attribute: false }) issued!: IssuedTicket;
  @property({ type: Number }) seconds = 60;

  private readonly countdown = new CountdownController(this, () => fire(this, 'kiosk-home'));

  connectedCallback(): void {
    super.connectedCallback();
    this.countdown.start(this.seconds);
  }

  render() {
    const { t } = this.locale;
    return html`<section class="panel" role="alert">
      <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
        <path d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
      </svg>
      <h2>${t.emergency.title}</h2>
      <p class="detail">${t.emergency.detail}</p>
      <p class="number"><span>${t.emergency.number}</span><strong>${this.issued.ticket.token}</strong></p>
      <button class="btn" @click=${() => fire(this, 'kiosk-home')}>${t.ticket.done}</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-emergency-screen': MqEmergencyScreen;
  }
}
