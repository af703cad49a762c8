import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { DisplaySetup } from '../../common/display';
import type { Channel, ServerMessage } from '../../common/protocol';
import { ClinicController } from '../../common/web/clinic-controller';
import { ClockController } from '../../common/web/clock-controller';
import { SocketController } from '../../common/web/socket-controller';
import { baseStyles } from '../../common/web/shared-styles';
import { boardFrom, callFrom, sameCall, type BoardView, type CallView } from './board';
import { LayoutController } from './controllers/layout-controller';
import { SetupController } from './controllers/setup-controller';
import { SoundController } from './controllers/sound-controller';
import { announcement, textsFor, type DisplayTexts } from './i18n';
import './mq-check-in-code';
import '../../common/web/mq-clinic-mark';
import './mq-next-tokens';
import './mq-now-calling';
import './mq-recent-calls';
import './mq-room-board';
import './mq-sound-prompt';


/** The address parameters passed on to the server's setup (everything else in the address is ignored). */
const SETUP_PARAMS = ['profile', 'departments', 'lang', 'theme', 'voice'];

/** The display's own query string, reduced to what the setup understands. */
function setupSearch(): string {
  const from = new URLSearchParams(location.search);
  const to = new URLSearchParams();
  for (const name of SETUP_PARAMS) {
    const value = from.get(name);
    if (value) to.set(name, value);
  }
  const query = to.toString();
  return query ? `?${query}` : '';
}

/**
 * The waiting-room TV display (`/display`): the clinic's name, date and clock; "Now calling" with the newest call;
 * the rooms board; the next tokens per department; the recent calls. Every call is chimed and spoken, one after
 * another, in the display's language.
 *
 * What it shows comes from its address (a display profile, or department prefixes, or everything), resolved by the
 * server. It needs no sign-in, so nothing can expire on a screen nobody touches; it reconnects by itself and
 * redraws from a fresh snapshot, and shows a small "Reconnecting…" sign only after a few seconds without the server.
 * Only tokens and rooms are ever taken from the server's messages (see board.ts).
 *
 * Reflects `connection` (the live connection's status), `layout` (landscape or portrait) and `sound`
 * (`blocked` until sound is allowed, then `on`) for tests and styles.
 */
@customElement('mq-display-app')
export class MqDisplayApp extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto;
        grid-template-columns: minmax(0, 1fr);
        height: 100vh;
        gap: 2vmin;
        padding: 2.4vmin 3vmin;
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
        gap: 2vmin;
        min-height: 0;
        grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr);
        grid-template-rows: minmax(0, 1.35fr) minmax(0, 1fr);
        grid-template-areas: 'calling rooms' 'next recent';
      }
      mq-now-calling {
        grid-area: calling;
      }
      mq-room-board {
        grid-area: rooms;
      }
      mq-next-tokens {
        grid-area: next;
      }
      mq-recent-calls {
        grid-area: recent;
      }
      footer {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 3vmin;
        font-size: 2.8vmin;
        color: var(--mq-color-text-muted);
      }
      footer p {
        margin: 0;
      }
      .problem {
        padding: 0.4em 0.8em;
        border-radius: 1vmin;
        background: var(--mq-color-warning-soft);
        color: var(--mq-color-warning);
        font-weight: 600;
      }
      .offline {
        display: inline-flex;
        align-items: center;
        gap: 0.5em;
        padding: 0.35em 0.85em;
        border-radius: 999px;
        font-size: 2.4vmin;
        font-weight: 600;
        white-space: nowrap;
        background: var(--mq-color-warning-soft);
        color: var(--mq-color-warning);
      }
      .offline::before {
        content: '';
        width: 0.6em;
        height: 0.6em;
        border-radius: 50%;
        background: currentColor;
      }
      /* Portrait is narrow: the date goes under the time rather than beside it. */
      :host([layout='portrait']) .clock {
        flex-direction: column-reverse;
        align-items: flex-end;
        gap: 0.8vmin;
      }
      :host([layout='portrait']) main {
        grid-template-columns: minmax(0, 1fr);
        grid-template-rows: minmax(0, 1.15fr) minmax(0, 1fr) minmax(0, 0.8fr) minmax(0, 0.7fr);
        grid-template-areas: 'calling' 'rooms' 'next' 'recent';
      }
    `,
  ];

  @state() private board: BoardView | null = null;
  @state() private call: CallView | null = null;
  /** Counts live calls; each one restarts the "Now calling" flash. */
  @state() private flash = 0;
  /** The display's texts, once its language has been downloaded (English until the setup names another). */
  private texts: DisplayTexts | null = null;
  private language = 'en';
  /** Counts language changes, so a slow download never overwrites a newer choice. */
  private languageRequests = 0;
  /** The phone check-in QR code in the footer, unless the address says `phone-check-in=off`. */
  private readonly phoneCheckIn = new URLSearchParams(location.search).get('phone-check-in') !== 'off';
  /** Departments' names in other languages, by id (GET /api/department-labels, read once). */
  private labels: Record<number, Record<string, string>> = {};
  private channel: Channel | null = null;
  /** True from `subscribed` until the snapshot's board arrives: that board also sets "Now calling", silently. */
  private awaitingSnapshot = false;
  private hellos = 0;

  private readonly clock = new ClockController(this);
  private readonly clinic = new ClinicController(this, {
    onLoad: (info) => {
      this.clock.setTimeZone(info.timeZone);
      this.clock.syncWith(info.serverTime);
      this.updateTitle();
    },
  });
  private readonly layout = new LayoutController(this);
  /** Public so tests can see whether sound is blocked. */
  readonly sound = new SoundController(this);
  private readonly setup = new SetupController(this, { search: setupSearch(), onLoad: (setup) => this.apply(setup) });
  /** Public so tests can reach the live connection. */
  readonly realtime = new SocketController(this, {
    offlineAfterMs: 4000,
    onHello: (hello) => {
      this.clock.syncWith(hello.serverTime);
      // After a reconnect, pick up a profile an admin may have changed meanwhile.
      if (++this.hellos > 1) this.setup.reload();
    },
    onMessage: (message) => this.receive(message),
  });


  connectedCallback(): void {
    super.connectedCallback();
    // English to show while the setup loads (or when the server cannot be reached); the setup's language replaces it.
    void textsFor('en').then((texts) => {
      if (!this.texts) this.useTexts(texts, 'en');
    }, () => undefined);
    void fetch('/api/department-labels')
      .then((res) => (res.ok ? (res.json() as Promise<{ labels: Record<number, Record<string, string>> }>) : null))
      .then((body) => body && (this.labels = body.labels))
      .catch(() => undefined);
  }

  protected updated(): void {
    this.setAttribute('connection', this.realtime.status);
    this.setAttribute('layout', this.layout.layout);
    this.setAttribute('sound', this.sound.blocked ? 'blocked' : 'on');
  }

  render() {
    const t = this.texts;
    const board = this.board;
    const problem = this.setup.setup ? null : this.setup.error;
    if (!t) return problem ? html`<footer><p class="problem" role="alert">${problem}</p></footer>` : nothing;
    return html`
      <header>
        <h1 class="clinic">
          <mq-clinic-mark></mq-clinic-mark>
          <span dir="auto">${this.clinic.info?.name ?? ''}</span>
        </h1>
        <div class="clock">
          <span class="date">${this.clock.date(t.locale)}</span>
          <span class="time">${this.clock.time(t.locale)}</span>
        </div>
      </header>
      <main>
        <mq-now-calling .call=${this.call} flash=${this.flash} .texts=${t}></mq-now-calling>
        <mq-room-board .rooms=${board?.rooms ?? []} .texts=${t}></mq-room-board>
        <mq-next-tokens .next=${board?.next ?? []} .texts=${t}></mq-next-tokens>
        <mq-recent-calls .calls=${board?.recent.filter((c) => !sameCall(c, this.call)) ?? []} .texts=${t}></mq-recent-calls>
      </main>
      <footer>
        ${problem ? html`<p class="problem" role="alert">${problem}</p>` : html`<p>${t.footer}</p>`}
        ${this.realtime.offline ? html`<p class="offline" role="status">${t.reconnecting}</p>` : nothing}
        ${this.phoneCheckIn && this.setup.setup
          ? html`<mq-check-in-code label=${t.scanToCheckIn} .kiosk=${this.setup.setup.checkInKioskId} ?compact=${this.layout.layout === 'portrait'}></mq-check-in-code>`
          : nothing}
      </footer>
      ${this.sound.blocked
        ? html`<mq-sound-prompt label=${t.enableSound} @enable-sound=${this.sound.unlock}></mq-sound-prompt>`
        : nothing}
    `;
  }

  /** Applies a (new) setup: language, direction and theme of the page, voice, and the channel to follow. */
  private apply(setup: DisplaySetup): void {
    this.language = setup.language;
    const request = ++this.languageRequests;
    void textsFor(setup.language).then((texts) => {
      if (request !== this.languageRequests) return;
      this.useTexts(texts, setup.language);
      this.sound.configure(setup.voice, texts.speechLang);
    }, () => undefined); // offline: the texts shown stay, and the next setup reload asks again
    const root = document.documentElement;
    root.dataset.theme = setup.theme;
    document.querySelector('meta[name="color-scheme"]')?.setAttribute('content', setup.theme);
    if (setup.channel !== this.channel) {
      if (this.channel) this.realtime.unsubscribe(this.channel);
      this.channel = setup.channel;
      this.board = null;
      this.call = null;
      this.awaitingSnapshot = true;
      this.realtime.subscribe(setup.channel);
    }
    this.updateTitle();
    this.requestUpdate();
  }

  private receive(message: ServerMessage): void {
    if (!this.channel || !('channel' in message) || message.channel !== this.channel) return;
    if (message.type === 'subscribed') {
      this.awaitingSnapshot = true;
    } else if (message.type === 'board_update') {
      this.board = boardFrom(message, (id, name) => this.labels[id]?.[this.language] || name);
      if (this.awaitingSnapshot) {
        // After a (re)connect the newest call is shown again without flashing or announcing it: it is not new.
        this.awaitingSnapshot = false;
        const latest = this.board.recent[0] ?? null;
        if (!sameCall(latest, this.call)) this.call = latest;
      }
    } else if (message.type === 'token_called') {
      const call = callFrom(message);
      if (!call) return;
      this.call = call;
      this.flash++;
      if (this.texts) this.sound.announce(announcement(this.texts, call.token, call.room));
    }
  }

  /** Shows the page in `texts`' language: the words, the page's language and direction, and the title. */
  private useTexts(texts: DisplayTexts, language: string): void {
    this.texts = texts;
    const root = document.documentElement;
    root.lang = language;
    root.dir = texts.dir;
    this.updateTitle();
    this.requestUpdate();
  }

  private updateTitle(): void {
    if (!this.texts) return;
    const name = this.clinic.info?.name;
    document.title = name ? `${this.texts.title} · ${name}` : this.texts.title;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-display-app': MqDisplayApp;
  }
}
