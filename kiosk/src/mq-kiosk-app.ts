import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ClinicController } from '../../common/web/clinic-controller';
import { ClockController } from '../../common/web/clock-controller';
import { SocketController } from '../../common/web/socket-controller';
import { baseStyles } from '../../common/web/shared-styles';
import { IdleController } from './controllers/idle-controller';
import { KioskProfileController } from './controllers/profile-controller';
import { lockZoom } from './lockdown';
import type { IssuedTicket } from './events';
import type { KioskLanguage } from './i18n';
import { recordTicketLanguage } from './print';
import { ScannerController } from './controllers/scanner-controller';
import { kioskStyles } from './kiosk-styles';
import { KioskLive } from './live';
import { KioskLocale } from './locale';
import { readSettings } from './settings';
import '../../common/web/mq-clinic-mark';
import './mq-appointment-flow';
import './mq-emergency-screen';
import './mq-kiosk-offline';
import './mq-start-screen';
import './mq-ticket-screen';
import './mq-walk-in-flow';

/** Where the kiosk is: the start screen, one of the two flows, or a ticket. */
type Screen =
  | { name: 'start' }
  | { name: 'appointment'; scan?: { code: string } }
  | { name: 'walk-in' }
  | { name: 'ticket'; issued: IssuedTicket }
  | { name: 'emergency'; issued: IssuedTicket };

/**
 * The check-in kiosk's root element: the clinic's name and time above whichever screen is showing (start,
 * appointment, walk-in, ticket, emergency), the patient's language (the whole kiosk, right-to-left for Arabic), the
 * live connection the screens share, a plain-words notice while the server cannot be reached, and the way back to
 * the start screen after each patient (ticket countdowns, or "Are you still there?" when someone walks away).
 *
 * Reflects `connection` (the live connection's status) and `screen`, so tests and styles can see them.
 */
@customElement('mq-kiosk-app')
export class MqKioskApp extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto;
        height: 100vh;
        height: 100dvh;
        background:
          radial-gradient(circle at 85% -10%, var(--mq-color-primary-soft) 0, transparent 55%),
          var(--mq-color-bg);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 2rem;
        padding: clamp(1rem, 2.5vmin, 2rem) clamp(1.5rem, 5vmin, 4rem);
      }
      .clinic {
        display: flex;
        align-items: center;
        gap: 0.75em;
        margin: 0;
        font-size: clamp(1.5rem, 3.4vmin, 2.4rem);
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
        font-size: clamp(1.7rem, 4.2vmin, 3rem);
        font-weight: 700;
        line-height: 1.1;
      }
      .date {
        color: var(--mq-color-text-muted);
        font-size: clamp(1rem, 2.2vmin, 1.4rem);
      }
      main {
        width: 100%;
        max-width: 96rem;
        margin: 0 auto;
        padding: 0.25rem clamp(1.5rem, 5vmin, 4rem) 1rem;
        /* The page itself never scrolls (index.html); a long list scrolls here, under a fixed header. */
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      footer {
        display: grid;
        gap: 1rem;
        padding: clamp(0.75rem, 2.5vmin, 1.75rem) clamp(1.5rem, 5vmin, 4rem);
        font-size: clamp(1rem, 2.2vmin, 1.35rem);
        color: var(--mq-color-text-muted);
      }
      footer p {
        margin: 0;
      }
      .profile-missing {
        font-size: 0.85em;
      }
      /* Covers the screen while asking, so a tap anywhere answers the question instead of pressing what is below. */
      .backdrop {
        position: fixed;
        inset: 0;
        z-index: 20;
        display: flex;
        align-items: flex-end;
        background: rgb(19 36 44 / 0.35);
      }
      .idle {
        flex: 1;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        padding: 1.25rem clamp(1.5rem, 5vmin, 4rem);
        background: var(--mq-color-text);
        color: #fff;
        box-shadow: 0 -8px 32px rgb(16 40 50 / 0.25);
      }
      .idle strong {
        display: block;
        font-size: clamp(1.4rem, 3vmin, 1.9rem);
      }
      .idle span {
        font-size: clamp(1.1rem, 2.4vmin, 1.45rem);
      }
      .idle .btn {
        border-color: #fff;
      }
    `,
  ];

  @state() private screen: Screen = { name: 'start' };
  @state() private language: KioskLanguage;
  /** Departments' names in other languages; read once when the kiosk starts. */
  @state() private labels: Record<number, Record<string, string>> = {};

  private readonly settings = readSettings();
  /** The language the start screen returns to: the address's `lang`, else the profile's, else English. */
  private homeLanguage: KioskLanguage = this.settings.language;
  private readonly profile = new KioskProfileController(this, this.settings.profile, (setup) => {
    if (setup.lockZoom) lockZoom(document);
    if (this.settings.languageSet) return;
    this.homeLanguage = setup.language;
    if (this.screen.name === 'start') this.language = setup.language;
  });
  private readonly live = new KioskLive();
  private readonly clock = new ClockController(this);
  /** A booking code from a barcode scanner, on any screen, opens the appointment check-in with it. */
  private readonly scanner = new ScannerController(this, (code) => {
    this.idle.restart();
    this.show({ name: 'appointment', scan: { code } });
  });
  private readonly clinic = new ClinicController(this, {
    onLoad: (info) => {
      this.clock.setTimeZone(info.timeZone);
      this.clock.syncWith(info.serverTime);
      document.title = `Check-in · ${info.name}`;
    },
  });
  /** Public so tests can reach the live connection. */
  readonly realtime = new SocketController(this, {
    offlineAfterMs: 2500,
    onHello: (hello) => {
      this.clock.syncWith(hello.serverTime);
      this.live.hello(hello);
    },
    onMessage: (message) => this.live.message(message),
  });
  private readonly idle = new IdleController(this, {
    idleSeconds: this.settings.idleSeconds,
    onIdle: () => this.goHome(),
  });
  private cachedLocale: KioskLocale | undefined;

  constructor() {
    super();
    this.language = this.settings.language;
    this.live.socket = this.realtime;
    void fetch('/api/department-labels')
      .then((res) => (res.ok ? (res.json() as Promise<{ labels: Record<number, Record<string, string>> }>) : null))
      .then((body) => body && (this.labels = body.labels))
      .catch(() => undefined);
    this.addEventListener('start-choice', (event) => this.show({ name: event.detail }));
    this.addEventListener('language-change', (event) => (this.language = event.detail));
    this.addEventListener('kiosk-home', () => this.goHome());
    this.addEventListener('kiosk-start', () => this.show({ name: 'start' }));
    this.addEventListener('ticket-issued', (event) => {
      this.show({ name: event.detail.emergency ? 'emergency' : 'ticket', issued: event.detail });
      recordTicketLanguage(event.detail.ticket.publicCode, this.language);
    });
  }

  /** The current language in the clinic's time zone (rebuilt only when either changes). */
  private get locale(): KioskLocale {
    const zone = this.clinic.info?.timeZone;
    if (this.cachedLocale?.language !== this.language || this.cachedLocale.timeZone !== zone || this.cachedLocale.labels !== this.labels) {
      this.cachedLocale = new KioskLocale(this.language, zone, this.labels);
    }
    return this.cachedLocale;
  }

  protected willUpdate(): void {
    // The whole document follows the language: screen readers pick the voice from lang, the layout mirrors with dir.
    document.documentElement.lang = this.language;
    document.documentElement.dir = this.locale.dir;
    this.idle.active = this.screen.name === 'appointment' || this.screen.name === 'walk-in';
  }

  protected updated(): void {
    this.setAttribute('connection', this.realtime.status);
    this.setAttribute('screen', this.screen.name);
  }

  render() {
    const name = this.clinic.info?.name;
    const { t } = this.locale;
    return html`
      <header>
        <h1 class="clinic">
          <mq-clinic-mark></mq-clinic-mark>
          <span class="clinic-name ${name ? '' : 'loading'}">${name ?? t.start.welcome}</span>
        </h1>
        <div class="clock" aria-hidden="true">
          <span class="time">${this.clock.time(t.locale)}</span>
          <span class="date">${this.clock.date(t.locale)}</span>
        </div>
      </header>
      <main>${this.renderScreen()}</main>
      <footer>
        <mq-kiosk-offline ?offline=${this.realtime.offline && this.realtime.status !== 'open'} heading=${t.offline.title} detail=${t.offline.detail}></mq-kiosk-offline>
        ${this.profile.missing !== null ? html`<p class="profile-missing" role="status">${t.profileMissing(this.profile.missing)}</p>` : nothing}
        ${this.screen.name === 'start' ? nothing : html`<p>${t.help}</p>`}
      </footer>
      ${this.idle.remaining !== null
        ? html`<div class="backdrop" @click=${() => this.idle.restart()}>
            <div class="idle" role="alertdialog" aria-live="assertive" aria-label=${t.idle.title}>
              <div><strong>${t.idle.title}</strong><span>${t.idle.detail(this.idle.remaining)}</span></div>
              <button class="btn">${t.idle.more}</button>
            </div>
          </div>`
        : nothing}
    `;
  }

  private renderScreen() {
    const locale = this.locale;
    switch (this.screen.name) {
      case 'start':
        return html`<mq-start-screen .locale=${locale}></mq-start-screen>`;
      case 'appointment':
        return html`<mq-appointment-flow .locale=${locale} .scan=${this.screen.scan ?? null}></mq-appointment-flow>`;
      case 'walk-in':
        return html`<mq-walk-in-flow .locale=${locale} .live=${this.live} .offered=${this.profile.offered}></mq-walk-in-flow>`;
      case 'ticket':
        return html`<mq-ticket-screen
          .locale=${locale}
          .issued=${this.screen.issued}
          .seconds=${this.settings.ticketSeconds}
          .printedSeconds=${this.settings.printedSeconds}
          .printing=${this.profile.printing}
        ></mq-ticket-screen>`;
      case 'emergency':
        return html`<mq-emergency-screen .locale=${locale} .issued=${this.screen.issued} .seconds=${Math.max(60, this.settings.ticketSeconds)}></mq-emergency-screen>`;
    }
  }

  private show(screen: Screen): void {
    this.screen = screen;
    // A new screen starts at its top, with nothing of the last patient's scroll position.
    window.scrollTo(0, 0);
  }

  /** Back to the start for the next patient, in the kiosk's own language. */
  private goHome(): void {
    this.language = this.homeLanguage;
    this.show({ name: 'start' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-kiosk-app': MqKioskApp;
  }
}
