import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MeSession } from '../../common/me';
import { apiPost } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { bookStyles } from '../../book/src/book-styles';
import type { BookLocale } from '../../book/src/locale';
import { problem } from './me-api';
import { sectionStyles } from './me-styles';

/**
 * Sign-in in two steps: the phone number or email the clinic has, then the 6-digit code sent there. The first step
 * says the same whether or not the number has an account. Fires `me-signed-in` with the session.
 */
@customElement('mq-me-sign-in')
export class MqMeSignIn extends LitElement {
  static styles = [baseStyles, bookStyles, sectionStyles];

  @property({ attribute: false }) locale!: BookLocale;
  @state() private identifier = new URLSearchParams(location.search).get('phone') ?? '';
  @state() private code = '';
  @state() private sent = false;
  @state() private busy = false;
  @state() private message = '';

  render() {
    const t = this.locale.texts.me;
    return html`<section class="card">
      <h2>${t.signInTitle}</h2>
      ${this.sent ? html`<p role="status">${t.codeSent}</p>` : html`<p>${t.signInHint}</p>`}
      <form @submit=${this.sent ? this.signIn : this.askCode} novalidate>
        <div class="field">
          <label for="identifier">${t.identifier}</label>
          <input id="identifier" type="text" autocomplete="tel" inputmode="email" required .value=${this.identifier}
            @input=${(e: Event) => (this.identifier = (e.target as HTMLInputElement).value)} />
        </div>
        ${this.sent
          ? html`<div class="field">
              <label for="code">${t.code}</label>
              <input id="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required .value=${this.code}
                @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)} />
            </div>`
          : nothing}
        ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.sent ? t.signIn : t.sendCode}</button>
          ${this.sent ? html`<button type="button" ?disabled=${this.busy} @click=${this.askCode}>${t.sendCode}</button>` : nothing}
        </div>
      </form>
    </section>`;
  }

  private askCode = async (event: Event): Promise<void> => {
    event.preventDefault();
    await this.run(async () => {
      await apiPost('/api/me/sign-in/code', { identifier: this.identifier.trim(), language: this.locale.language });
      this.sent = true;
      this.code = '';
    });
  };

  private signIn = async (event: Event): Promise<void> => {
    event.preventDefault();
    await this.run(async () => {
      const session = await apiPost<MeSession>('/api/me/sign-in', { identifier: this.identifier.trim(), code: this.code.trim() });
      this.dispatchEvent(new CustomEvent('me-signed-in', { detail: session, bubbles: true, composed: true }));
    });
  };

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.message = '';
    try {
      await work();
    } catch (error) {
      this.message = problem(this.locale, error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-me-sign-in': MqMeSignIn;
  }
  interface GlobalEventHandlersEventMap {
    'me-signed-in': CustomEvent<MeSession>;
  }
}
