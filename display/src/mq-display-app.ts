import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ClinicController } from '../../common/web/clinic-controller';
import { ClockController } from '../../common/web/clock-controller';
import { SocketController } from '../../common/web/socket-controller';
import { baseStyles } from '../../common/web/shared-styles';
import '../../common/web/mq-clinic-mark';
import '../../common/web/mq-connection-status';

/**
 * The waiting-room TV display's root element: the clinic's name, the date and a large clock, and the
 * "Now calling" area (empty until the display issue fills it from the live queue). It needs no sign-in, so
 * nothing can expire on a screen nobody touches, and it shows a small "Reconnecting…" sign only after the
 * connection has been down for a few seconds.
 *
 * Everything is sized in viewport units so the same layout reads from across the room on a 1080p or 4K TV,
 * landscape or portrait. Reflects `connection` (the live connection's status) for tests and styles.
 */
@customElement('mq-display-app')
export class MqDisplayApp extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr auto;
        grid-template-columns: minmax(0, 1fr);
        height: 100vh;
        gap: 2.2vmin;
        padding: 2.6vmin 3.2vmin;
        background:
          radial-gradient(ellipse at 0% 0%, rgb(63 193 201 / 0.12), transparent 50%),
          var(--mq-color-bg);
        overflow: hidden;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 3vmin;
      }
      .clinic {
        display: flex;
        align-items: center;
        gap: 0.6em;
        margin: 0;
        min-width: 0;
        font-size: 5vmin;
        font-weight: 700;
        letter-spacing: -0.01em;
      }
      .clinic span {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .clock {
        display: flex;
        align-items: baseline;
        gap: 2.4vmin;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .date {
        font-size: 3.2vmin;
        color: var(--mq-color-text-muted);
      }
      .time {
        font-size: 7.5vmin;
        font-weight: 700;
        line-height: 1;
      }
      main {
        display: grid;
        grid-template-columns: 1.7fr 1fr;
        gap: 2.6vmin;
        min-height: 0;
      }
      section {
        display: flex;
        flex-direction: column;
        min-height: 0;
        border-radius: 2.2vmin;
        background: var(--mq-color-surface);
        box-shadow: var(--mq-shadow);
        overflow: hidden;
      }
      h2 {
        margin: 0;
        padding: 2vmin 3vmin;
        font-size: 3.6vmin;
        font-weight: 700;
        letter-spacing: 0.04em;
        text-transform: uppercase;
      }
      .calling h2 {
        background: var(--mq-color-accent);
        color: var(--mq-color-on-accent);
      }
      .recent h2 {
        background: var(--mq-color-surface-alt);
        color: var(--mq-color-text-muted);
      }
      .empty {
        flex: 1;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 2vmin;
        padding: 4vmin;
        text-align: center;
      }
      .empty svg {
        width: 14vmin;
        height: 14vmin;
        color: var(--mq-color-primary);
        opacity: 0.85;
      }
      .empty p {
        margin: 0;
        max-width: 28ch;
        font-size: 4.2vmin;
        line-height: 1.25;
        font-weight: 600;
      }
      .empty .hint {
        font-size: 3vmin;
        font-weight: 400;
        color: var(--mq-color-text-muted);
      }
      .recent .empty p {
        font-size: 3.2vmin;
        font-weight: 400;
        color: var(--mq-color-text-muted);
      }
      footer {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 3vmin;
        font-size: 2.8vmin;
        color: var(--mq-color-text-muted);
        --mq-status-font-size: 2.4vmin;
      }
      footer p {
        margin: 0;
      }
      @media (orientation: portrait) {
        main {
          grid-template-columns: 1fr;
          grid-template-rows: 1.6fr 1fr;
        }
        header {
          flex-direction: column;
          align-items: stretch;
          gap: 1.5vmin;
        }
        .clock {
          justify-content: space-between;
        }
      }
    `,
  ];

  private readonly clock = new ClockController(this);
  private readonly clinic = new ClinicController(this, {
    onLoad: (info) => {
      this.clock.setTimeZone(info.timeZone);
      this.clock.syncWith(info.serverTime);
      document.title = `Waiting room · ${info.name}`;
    },
  });
  /** Public so tests and the display's later board can reach the live connection. */
  readonly realtime = new SocketController(this, {
    offlineAfterMs: 4000,
    onHello: (hello) => this.clock.syncWith(hello.serverTime),
  });

  protected updated(): void {
    this.setAttribute('connection', this.realtime.status);
  }

  render() {
    return html`
      <header>
        <h1 class="clinic">
          <mq-clinic-mark></mq-clinic-mark>
          <span>${this.clinic.info?.name ?? ''}</span>
        </h1>
        <div class="clock">
          <span class="date">${this.clock.date()}</span>
          <span class="time">${this.clock.time()}</span>
        </div>
      </header>
      <main>
        <section class="calling" aria-labelledby="calling-title">
          <h2 id="calling-title">Now calling</h2>
          <div class="empty">
            <svg viewBox="0 0 48 48" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
              <path d="M10 8h28v34l-4.7-3-4.6 3-4.7-3-4.7 3-4.6-3L10 42z" />
              <path d="M17 18h14M17 25h14M17 32h8" />
            </svg>
            <p>No one is being called right now.</p>
            <p class="hint">Please keep your ticket ready. Your number will appear here and be announced.</p>
          </div>
        </section>
        <section class="recent" aria-labelledby="recent-title">
          <h2 id="recent-title">Recently called</h2>
          <div class="empty">
            <p>Called numbers will be listed here.</p>
          </div>
        </section>
      </main>
      <footer>
        <p>Please listen for your number and go to the room shown.</p>
        <mq-connection-status quiet .status=${this.realtime.status} ?offline=${this.realtime.offline}></mq-connection-status>
      </footer>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-display-app': MqDisplayApp;
  }
}
