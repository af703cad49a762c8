import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ClinicController } from '../../common/web/clinic-controller';
import { ClockController } from '../../common/web/clock-controller';
import { SocketController } from '../../common/web/socket-controller';
import { baseStyles } from '../../common/web/shared-styles';
import '../../common/web/mq-clinic-mark';
import '../../common/web/mq-connection-status';

/** The arrow on each choice, saying "this way" without words. */
const chevron = html`<svg class="chevron" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="m9 5 7 7-7 7" /></svg>`;

/** The two ways a patient can start at the kiosk. */
type CheckInChoice = 'appointment' | 'walk-in';

/** How long the "coming soon" note stays up; a kiosk must drift back to its calm start screen by itself. */
const NOTICE_MS = 8000;

/**
 * The check-in kiosk's root element: the clinic's name and the time, the two big choices a patient starts
 * with ("I have an appointment", "Walk-in"), and a plain-words notice when the server cannot be reached.
 * The flows behind the choices arrive with the kiosk issue; for now each says so and points to the desk.
 *
 * Reflects `connection` (the live connection's status) so tests and styles can see it.
 */
@customElement('mq-kiosk-app')
export class MqKioskApp extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr auto;
        min-height: 100vh;
        min-height: 100dvh;
        background:
          radial-gradient(circle at 85% -10%, var(--mq-color-primary-soft) 0, transparent 55%),
          var(--mq-color-bg);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 2rem;
        padding: clamp(1.25rem, 3vmin, 2.5rem) clamp(1.5rem, 5vmin, 4rem);
      }
      .clinic {
        display: flex;
        align-items: center;
        gap: 0.75em;
        margin: 0;
        font-size: clamp(1.6rem, 3.6vmin, 2.6rem);
        font-weight: 700;
        letter-spacing: -0.01em;
      }
      .clinic-name.loading {
        color: var(--mq-color-text-muted);
        font-weight: 500;
      }
      .clock {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .time {
        display: block;
        font-size: clamp(1.8rem, 4.4vmin, 3.2rem);
        font-weight: 700;
        line-height: 1.1;
      }
      .date {
        color: var(--mq-color-text-muted);
        font-size: clamp(1rem, 2.2vmin, 1.4rem);
      }
      main {
        display: flex;
        flex-direction: column;
        justify-content: center;
        gap: clamp(1.5rem, 4vmin, 3rem);
        width: 100%;
        max-width: 90rem;
        margin: 0 auto;
        padding: 0 clamp(1.5rem, 5vmin, 4rem);
      }
      .welcome h2 {
        margin: 0 0 0.35em;
        font-size: clamp(2.2rem, 6vmin, 4rem);
        line-height: 1.1;
        letter-spacing: -0.02em;
      }
      .welcome p {
        margin: 0;
        font-size: clamp(1.25rem, 3vmin, 1.9rem);
        color: var(--mq-color-text-muted);
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: clamp(1rem, 3vmin, 2rem);
      }
      .choice {
        display: flex;
        align-items: center;
        gap: clamp(1rem, 2.5vmin, 1.75rem);
        min-height: max(64px, 12rem);
        padding: 1.5rem clamp(1.25rem, 3vmin, 2.25rem);
        border: 3px solid var(--mq-color-primary);
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        color: var(--mq-color-primary-strong);
        box-shadow: var(--mq-shadow);
        font: inherit;
        text-align: start;
        cursor: pointer;
        touch-action: manipulation;
        transition:
          transform 120ms ease,
          box-shadow 120ms ease;
      }
      .choice.primary {
        background: var(--mq-color-primary);
        color: var(--mq-color-on-primary);
        box-shadow: var(--mq-shadow-raised);
      }
      .choice:active {
        transform: scale(0.985);
        box-shadow: none;
      }
      .icon {
        display: grid;
        place-items: center;
        flex: none;
        width: clamp(4.5rem, 11vmin, 6.5rem);
        aspect-ratio: 1;
        border-radius: 50%;
        background: var(--mq-color-primary-soft);
      }
      .primary .icon {
        background: rgb(255 255 255 / 0.16);
      }
      .icon svg {
        width: 55%;
        height: 55%;
      }
      .text {
        flex: 1;
      }
      .chevron {
        flex: none;
        width: clamp(1.75rem, 4vmin, 2.5rem);
        height: clamp(1.75rem, 4vmin, 2.5rem);
        opacity: 0.8;
      }
      .choice-title {
        display: block;
        font-size: clamp(1.6rem, 4.2vmin, 2.6rem);
        font-weight: 700;
        line-height: 1.15;
      }
      .choice-hint {
        display: block;
        margin-top: 0.3em;
        font-size: clamp(1.05rem, 2.4vmin, 1.45rem);
        opacity: 0.9;
      }
      .notice {
        min-height: 4.5rem;
      }
      .notice p {
        margin: 0;
        padding: 1rem 1.5rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-primary-soft);
        color: var(--mq-color-primary-strong);
        font-size: clamp(1.1rem, 2.6vmin, 1.5rem);
        font-weight: 500;
      }
      footer {
        display: grid;
        gap: 1rem;
        padding: clamp(1rem, 3vmin, 2rem) clamp(1.5rem, 5vmin, 4rem);
        font-size: clamp(1rem, 2.2vmin, 1.35rem);
        color: var(--mq-color-text-muted);
      }
      footer p {
        margin: 0;
      }
      /* Portrait kiosks (1080x1920): one choice above the other, each a big slab that is hard to miss. */
      @media (orientation: portrait) {
        .choices {
          grid-template-columns: 1fr;
        }
        .choice {
          min-height: 16rem;
        }
        .welcome h2 {
          font-size: 7vmin;
        }
        .welcome p,
        .choice-hint {
          font-size: 3.2vmin;
        }
        .choice-title {
          font-size: 5.2vmin;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .choice {
          transition: none;
        }
      }
    `,
  ];

  /** What the patient last tapped, while its note is on screen. */
  @state() private notice: CheckInChoice | null = null;

  private readonly clock = new ClockController(this);
  private readonly clinic = new ClinicController(this, {
    onLoad: (info) => {
      this.clock.setTimeZone(info.timeZone);
      this.clock.syncWith(info.serverTime);
      document.title = `Check-in · ${info.name}`;
    },
  });
  /** Public so tests and later kiosk screens can reach the live connection. */
  readonly realtime = new SocketController(this, {
    offlineAfterMs: 2500,
    onHello: (hello) => this.clock.syncWith(hello.serverTime),
  });
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.noticeTimer);
  }

  protected updated(): void {
    this.setAttribute('connection', this.realtime.status);
  }

  render() {
    const name = this.clinic.info?.name;
    return html`
      <header>
        <h1 class="clinic">
          <mq-clinic-mark></mq-clinic-mark>
          <span class="clinic-name ${name ? '' : 'loading'}">${name ?? 'Welcome'}</span>
        </h1>
        <div class="clock" aria-hidden="true">
          <span class="time">${this.clock.time()}</span>
          <span class="date">${this.clock.date()}</span>
        </div>
      </header>
      <main>
        <div class="welcome">
          <h2>Welcome</h2>
          <p>Please check in for your visit. Touch one of the buttons below.</p>
        </div>
        <div class="choices">
          <button class="choice primary" @click=${() => this.choose('appointment')}>
            <span class="icon">
              <svg viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
                <rect x="6" y="10" width="36" height="32" rx="5" />
                <path d="M6 19h36M16 6v8M32 6v8M17 30l5 5 9-10" />
              </svg>
            </span>
            <span class="text">
              <span class="choice-title">I have an appointment</span>
              <span class="choice-hint">Check in with your booking code</span>
            </span>
            ${chevron}
          </button>
          <button class="choice" @click=${() => this.choose('walk-in')}>
            <span class="icon">
              <svg viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
                <circle cx="24" cy="14" r="7" />
                <path d="M10 42c0-8 6.3-14 14-14s14 6 14 14" />
              </svg>
            </span>
            <span class="text">
              <span class="choice-title">Walk-in</span>
              <span class="choice-hint">No appointment? Take a ticket</span>
            </span>
            ${chevron}
          </button>
        </div>
        <div class="notice" aria-live="polite">${this.notice ? html`<p>${this.noticeText(this.notice)}</p>` : nothing}</div>
      </main>
      <footer>
        <mq-connection-status variant="banner" .status=${this.realtime.status} ?offline=${this.realtime.offline}></mq-connection-status>
        <p>Need help? Please ask at the reception desk.</p>
      </footer>
    `;
  }

  private noticeText(choice: CheckInChoice): string {
    return choice === 'appointment'
      ? 'Checking in with a booking code is coming soon. For now, please show your appointment at the reception desk.'
      : 'Walk-in tickets are coming soon. For now, please ask at the reception desk for a number.';
  }

  private choose(choice: CheckInChoice): void {
    this.notice = choice;
    clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = null), NOTICE_MS);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-kiosk-app': MqKioskApp;
  }
}
