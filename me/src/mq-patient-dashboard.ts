import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ClinicInfo } from '../../common/api';
import type { MeSession } from '../../common/me';
import { loadTexts } from '../../common/i18n/load';
import { ApiError, apiGet, apiPost } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { bookStyles } from '../../book/src/book-styles';
import { BookLocale } from '../../book/src/locale';
import { meStyles } from './me-styles';
import { SIGNED_OUT, problem } from './me-api';
import './mq-me-sign-in';
import './mq-me-appointments';
import './mq-me-visits';
import './mq-me-profile';

const SECTIONS = ['appointments', 'visits', 'profile'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * The patient dashboard (/me): sign-in with a code (or a link printed at the desk), then the patient's upcoming
 * appointments and today's ticket, their signed visits, and their details with who opened their record. In the
 * patient's language (`?lang=`, else the browser's), like online booking, whose look and words it shares.
 */
@customElement('mq-patient-dashboard')
export class MqPatientDashboard extends LitElement {
  static styles = [baseStyles, bookStyles, meStyles];

  @state() private locale: BookLocale | null = null;
  @state() private clinic: ClinicInfo | null = null;
  /** undefined while asking the server, null when nobody is signed in. */
  @state() private session: MeSession | null | undefined;
  @state() private section: Section = 'appointments';
  @state() private message = '';

  connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(SIGNED_OUT, this.onSignedOut);
    void this.start();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(SIGNED_OUT, this.onSignedOut);
  }

  render() {
    if (!this.locale || this.session === undefined) return html`<main aria-busy="true"></main>`;
    const t = this.locale.texts.me;
    return html`<main>
      <header class="top">
        <div>
          <p class="clinic" dir="auto">${this.clinic?.name ?? ''}</p>
          <h1>${t.title}</h1>
        </div>
        ${this.session ? html`<button type="button" @click=${this.signOut}>${t.signOut}</button>` : nothing}
      </header>
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      ${this.session ? this.renderSignedIn() : html`<mq-me-sign-in .locale=${this.locale} @me-signed-in=${this.onSignedIn}></mq-me-sign-in>`}
    </main>`;
  }

  private renderSignedIn() {
    const t = this.locale!.texts.me;
    const names: Record<Section, string> = { appointments: t.upcoming, visits: t.visits, profile: t.profile };
    return html`<nav aria-label=${t.title}>
        ${SECTIONS.map(
          (s) => html`<button type="button" aria-current=${s === this.section ? 'page' : nothing} @click=${() => (this.section = s)}>${names[s]}</button>`,
        )}
      </nav>
      ${this.section === 'appointments'
        ? html`<mq-me-appointments .locale=${this.locale}></mq-me-appointments>`
        : this.section === 'visits'
          ? html`<mq-me-visits .locale=${this.locale}></mq-me-visits>`
          : html`<mq-me-profile .locale=${this.locale}></mq-me-profile>`}`;
  }

  private async start(): Promise<void> {
    const language = BookLocale.fromPage();
    this.locale = new BookLocale(language, await loadTexts(language));
    document.documentElement.lang = language;
    document.documentElement.dir = this.locale.texts.dir;
    let token: string | null = null;
    try {
      this.clinic = await apiGet<ClinicInfo>('/api/clinic');
      document.title = `${this.locale.texts.me.title} · ${this.clinic.name}`;
      // A link printed at the desk carries its token after '#', which never reaches a server log or a Referer.
      token = new URLSearchParams(location.hash.slice(1)).get('link');
      if (token) {
        history.replaceState(null, '', location.pathname + location.search);
        this.session = await apiPost<MeSession>('/api/me/sign-in/link', { token });
        return;
      }
      this.session = await apiGet<MeSession>('/api/me/session');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.session = null;
      if (token && error.id === 'invalid_code') this.message = this.locale.texts.me.linkUsed;
      else if (error.id !== 'not_signed_in') this.message = problem(this.locale, error);
    }
  }

  private onSignedIn = (event: CustomEvent<MeSession>): void => {
    this.message = '';
    this.session = event.detail;
    this.section = 'appointments';
  };

  private onSignedOut = (): void => {
    this.session = null;
  };

  private signOut = async (): Promise<void> => {
    await apiPost('/api/me/sign-out').catch(() => undefined);
    this.session = null;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-patient-dashboard': MqPatientDashboard;
  }
}
