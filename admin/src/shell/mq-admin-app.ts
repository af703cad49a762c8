import { ContextProvider } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { SessionResponse } from '../../../common/api';
import { ApiError, SESSION_EXPIRED_EVENT, apiGet, apiPost } from '../../../common/web/api';
import { ClinicController } from '../../../common/web/clinic-controller';
import { setClinicZone } from '../shared/clinic-format';
import { LiveConnection, liveContext } from '../shared/live-connection';
import { baseStyles } from '../../../common/web/shared-styles';
import type { ClinicSettingsSavedEvent, SignedInEvent } from '../shared/events';
import './mq-role-home';
import './mq-sign-in';
import './mq-staff-header';

/** Where the staff panel is: checking the session, asking for a sign-in, signed in, or unable to ask. */
type Phase = 'loading' | 'signed-out' | 'signed-in' | 'unreachable';

/**
 * The staff panel's root element. On load it asks the server who is signed in (GET /api/auth/me): a 401 shows
 * the sign-in form, a session shows the header and the role's main area. The live connection is opened only
 * while signed in, so the WebSocket upgrade always carries the current session cookie.
 *
 * When the session ends while the panel is open (the idle time passed: an API call or the socket answered 401
 * `session_expired`), the sign-in form opens in a modal dialog OVER the panel, which stays mounted with everything
 * typed in it. The same user signing in again closes it, reconnects the page's socket with the new session (the
 * screens' channels come back with it) and fires
 * `session-renewed` on `window`, so screens send again what was refused; another user gets a fresh panel instead.
 *
 * Reflects `phase` and `connection` (and `session-expired` while asking) for tests and styles.
 */
@customElement('mq-admin-app')
export class MqAdminApp extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      .center {
        display: grid;
        place-items: center;
        min-height: 100vh;
        padding: 2rem 1rem;
        background:
          radial-gradient(circle at 20% 0%, var(--mq-color-primary-soft), transparent 45%),
          radial-gradient(circle at 100% 100%, var(--mq-color-primary-soft), transparent 40%),
          var(--mq-color-bg);
      }
      .loading {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        color: var(--mq-color-text-muted);
        font-size: 1.1rem;
      }
      .spinner {
        width: 1.5rem;
        height: 1.5rem;
        border: 3px solid var(--mq-color-primary);
        border-right-color: transparent;
        border-radius: 50%;
        animation: spin 0.8s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(1turn);
        }
      }
      .problem {
        max-width: 30rem;
        padding: 2rem;
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        box-shadow: var(--mq-shadow-raised);
        text-align: center;
      }
      .problem h1 {
        margin: 0 0 0.5rem;
        font-size: 1.4rem;
      }
      .problem p {
        margin: 0 0 1.5rem;
        color: var(--mq-color-text-muted);
      }
      .banner {
        max-width: 90rem;
        margin: 1rem auto 0;
        padding: 0.85rem 1.25rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-danger-soft);
        color: var(--mq-color-danger);
        font-weight: 500;
      }
      dialog.again {
        padding: 0;
        border: none;
        background: transparent;
        overflow: visible;
      }
      dialog.again::backdrop {
        background: rgb(10 25 35 / 0.55);
        backdrop-filter: blur(2px);
      }
      button {
        min-height: 2.8rem;
        padding: 0.6rem 1.4rem;
        border: none;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-primary);
        color: var(--mq-color-on-primary);
        font: inherit;
        font-weight: 600;
        cursor: pointer;
      }
    `,
  ];

  @state() private phase: Phase = 'loading';
  @state() private session: SessionResponse | null = null;
  /** A calm note for the sign-in form ("You have signed out."). */
  @state() private notice = '';
  /** A problem to show above the main area, or on the "unreachable" screen. */
  @state() private problem = '';
  @state() private signingOut = false;
  /** The session ended while signed in: the sign-in dialog is over the panel. */
  @state() private expired = false;

  @query('dialog.again') private againDialog?: HTMLDialogElement;

  private readonly clinic = new ClinicController(this, {
    // Signed in, the open section names the tab (mq-role-home).
    onLoad: (info) => {
      setClinicZone(info.timeZone);
      if (this.phase !== 'signed-in') document.title = `Staff panel · ${info.name}`;
    },
  });
  /**
   * The page's one WebSocket, opened while signed in and given to every screen through `@lit/context` (screens hold
   * their channels on it with a LiveController). Public so tests can reach it.
   */
  readonly realtime = new LiveConnection(this);
  private readonly liveProvider = new ContextProvider(this, { context: liveContext, initialValue: this.realtime });
  private sessionCheck: AbortController | undefined;

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(SESSION_EXPIRED_EVENT, this.onSessionExpired);
    if (this.phase === 'loading') void this.checkSession();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(SESSION_EXPIRED_EVENT, this.onSessionExpired);
    this.sessionCheck?.abort();
  }

  protected updated(): void {
    this.setAttribute('phase', this.phase);
    this.setAttribute('connection', this.realtime.status);
    this.toggleAttribute('session-expired', this.expired);
    const dialog = this.againDialog;
    if (dialog && !dialog.open) dialog.showModal();
  }

  render() {
    switch (this.phase) {
      case 'loading':
        return html`<div class="center">
          <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>Loading the staff panel…</p>
        </div>`;
      case 'unreachable':
        return html`<div class="center">
          <div class="problem" role="alert">
            <h1>The staff panel could not start</h1>
            <p>${this.problem}</p>
            <button type="button" @click=${() => this.checkSession()}>Try again</button>
          </div>
        </div>`;
      case 'signed-out':
        return html`<div class="center">
          <mq-sign-in .clinicName=${this.clinic.info?.name ?? ''} .notice=${this.notice} @signed-in=${this.onSignedIn}></mq-sign-in>
        </div>`;
      case 'signed-in':
        return html`
          <mq-staff-header
            .user=${this.session!.user}
            .clinicName=${this.clinic.info?.name ?? ''}
            .connection=${this.realtime.status}
            ?offline=${this.realtime.offline}
            ?signingOut=${this.signingOut}
            @sign-out=${this.onSignOut}
          ></mq-staff-header>
          ${this.problem ? html`<p class="banner" role="alert">${this.problem}</p>` : nothing}
          ${keyed(
            this.session!.user.id,
            html`<main @clinic-settings-saved=${this.onSettingsSaved}><mq-role-home .user=${this.session!.user} .clinicName=${this.clinic.info?.name ?? ''}></mq-role-home></main>`,
          )}
          ${this.expired
            ? html`<dialog class="again" aria-label="Sign in again" @cancel=${(e: Event) => e.preventDefault()}>
                <mq-sign-in
                  .clinicName=${this.clinic.info?.name ?? ''}
                  .notice=${'Your session ended after a period of inactivity. Sign in again to carry on where you were: nothing you typed is lost.'}
                  @signed-in=${this.onSignedInAgain}
                ></mq-sign-in>
              </dialog>`
            : nothing}
        `;
    }
  }

  private async checkSession(): Promise<void> {
    this.sessionCheck?.abort();
    const controller = (this.sessionCheck = new AbortController());
    this.phase = 'loading';
    try {
      this.signedIn(await apiGet<SessionResponse>('/api/auth/me', { signal: controller.signal }));
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) {
        this.signedOut(error.id === 'session_expired' ? 'Your session has ended. Please sign in again.' : '');
      } else {
        this.problem = error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
        this.phase = 'unreachable';
      }
    }
  }

  /** A renamed clinic shows in the header and the tab at once. */
  private onSettingsSaved(event: ClinicSettingsSavedEvent): void {
    if (!this.clinic.info) return;
    this.clinic.info = { ...this.clinic.info, name: event.detail.name };
    this.requestUpdate();
  }

  private onSignedIn(event: SignedInEvent): void {
    this.signedIn(event.detail);
  }

  /** Any 401 `session_expired` while signed in: ask for the password over the panel (once). */
  private readonly onSessionExpired = (): void => {
    if (this.phase !== 'signed-in' || this.expired) return;
    this.realtime.stop();
    this.expired = true;
  };

  private onSignedInAgain(event: SignedInEvent): void {
    event.stopPropagation();
    const same = event.detail.user.id === this.session?.user.id;
    this.expired = false;
    // Another user gets the panel afresh (keyed on the user, so the old screen and its unsaved edits are dropped).
    this.signedIn(event.detail);
    if (same) window.dispatchEvent(new CustomEvent('session-renewed'));
  }

  private async onSignOut(): Promise<void> {
    this.signingOut = true;
    this.problem = '';
    try {
      await apiPost<void>('/api/auth/sign-out');
      this.signedOut('You have signed out.');
    } catch (error) {
      // A session that already ended is as good as signed out.
      if (error instanceof ApiError && error.status === 401) this.signedOut('You have signed out.');
      else this.problem = error instanceof ApiError ? error.message : 'Signing out did not work. Please try again.';
    } finally {
      this.signingOut = false;
    }
  }

  private signedIn(session: SessionResponse): void {
    this.session = session;
    this.notice = '';
    this.problem = '';
    this.phase = 'signed-in';
    this.realtime.start();
  }

  private signedOut(notice: string): void {
    this.expired = false;
    this.realtime.stop();
    this.session = null;
    this.notice = notice;
    this.phase = 'signed-out';
    document.title = this.clinic.info ? `Staff panel · ${this.clinic.info.name}` : 'Staff panel';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-admin-app': MqAdminApp;
  }
}
