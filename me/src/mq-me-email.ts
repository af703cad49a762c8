import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MyProfile } from '../../common/me';
import { apiPost } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { bookStyles } from '../../book/src/book-styles';
import type { BookLocale } from '../../book/src/locale';
import { meStyles, sectionStyles } from './me-styles';
import { attempt } from './me-api';

/**
 * Add or change the email address on the patient's account: the address is checked with a code sent to it (in
 * the page's language), and saved only when that code is typed back. Then the patient can sign in with it too.
 * Fires `me-profile` with the server's profile once saved.
 */
@customElement('mq-me-email')
export class MqMeEmail extends LitElement {
  static styles = [baseStyles, bookStyles, meStyles, sectionStyles];

  @property({ attribute: false }) locale!: BookLocale;
  /** 'closed', 'address' (typing the address), or 'code' (the code was sent to `address`). */
  @state() private step: 'closed' | 'address' | 'code' = 'closed';
  @state() private address = '';
  @state() private message = '';
  @state() private busy = false;

  render() {
    const t = this.locale.texts.me;
    if (this.step === 'closed') {
      return html`<div class="buttons"><button type="button" @click=${() => (this.step = 'address')}>${t.changeEmail}</button></div>`;
    }
    return html`<form @submit=${this.step === 'address' ? this.sendCode : this.save}>
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      ${this.step === 'address'
        ? html`<div class="field">
            <label for="email">${t.email}</label>
            <input id="email" name="email" type="email" dir="ltr" autocomplete="email" required maxlength="190" .value=${this.address} />
            <span class="hint">${t.emailHint}</span>
          </div>`
        : html`<p role="status" class="chosen">${t.emailCodeSent(this.address)}</p>
            <div class="field">
              <label for="email-code">${t.code}</label>
              <input id="email-code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" maxlength="6" required dir="ltr" />
            </div>`}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.step === 'address' ? t.sendCode : t.saveEmail}</button>
        <button type="button" @click=${() => ((this.step = 'closed'), (this.message = ''))}>${t.keep}</button>
      </div>
    </form>`;
  }

  private sendCode = async (event: Event): Promise<void> => {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get('email') ?? '').trim();
    await this.run(async () => {
      await apiPost('/api/me/profile/email', { email, language: this.locale.language });
      this.address = email;
      this.step = 'code';
    });
  };

  private save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const code = String(new FormData(event.target as HTMLFormElement).get('code') ?? '').trim();
    await this.run(async () => {
      const profile = await apiPost<MyProfile>('/api/me/profile/email/confirm', { email: this.address, code });
      this.step = 'closed';
      this.dispatchEvent(new CustomEvent('me-profile', { detail: profile, bubbles: true, composed: true }));
    });
  };

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.message = await attempt(this, this.locale, work);
    this.busy = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-me-email': MqMeEmail;
  }
  interface GlobalEventHandlersEventMap {
    /** The patient's profile as the server sent it after a change (mq-me-email). */
    'me-profile': CustomEvent<MyProfile>;
  }
}
