import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ResetPasswordRequest, StaffResponse } from '../../../common/admin';
import type { StaffUser } from '../../../common/api';
import { apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { fieldErrorLine, fieldMessage, formLevelMessage } from '../shared/form-helpers';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

// No look-alikes (0/O, 1/l/I), so a password read out at the desk is typed right the first time.
const SYMBOLS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random 14-symbol password from the browser's cryptographic generator. */
export function suggestPassword(length = 14): string {
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(bytes, (b) => SYMBOLS[b % SYMBOLS.length]).join('');
}

/**
 * Sets a new password for a staff account (the API takes the password the admin gives): type one or take a
 * suggested one, save, and the new password is shown once to hand over. The account's sessions end on the server.
 * Fires `form-cancel` when closed.
 */
@customElement('mq-password-reset')
export class MqPasswordReset extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.6rem;
      }
      .row .field {
        flex: 1 1 16rem;
      }
      code {
        font-size: 1.15rem;
        font-weight: 700;
        letter-spacing: 0.05em;
      }
    `,
  ];

  /** The account whose password is reset. */
  @property({ attribute: false }) account!: StaffUser;

  @state() private password = '';
  @state() private saving = false;
  @state() private error: unknown = null;
  /** The password just set, shown once. */
  @state() private done = '';

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('account')) {
      this.password = '';
      this.done = '';
      this.error = null;
    }
  }

  render() {
    if (this.done) {
      return html`<div class="ok" role="status">
          New password for ${this.account.fullName}: <code>${this.done}</code><br />
          Hand it over now; it is not shown again. They have been signed out everywhere.
        </div>
        <div class="actions"><button type="button" @click=${this.close}>Done</button></div>`;
    }
    const message = fieldMessage(this.error, 'password');
    const problem = formLevelMessage(this.error);
    return html`<form @submit=${this.submit} novalidate>
      <div class="row">
        <div class="field">
          <label for="new-password">New password for ${this.account.fullName}</label>
          <input
            id="new-password"
            type="text"
            autocomplete="new-password"
            .value=${this.password}
            aria-invalid=${message ? 'true' : 'false'}
            aria-describedby="new-password-error"
            @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
          />
        </div>
        <button type="button" @click=${() => (this.password = suggestPassword())}>Suggest a password</button>
      </div>
      ${fieldErrorLine('new-password-error', message)}
      ${problem && !message ? html`<p class="error" role="alert">${problem}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.saving}>${this.saving ? 'Saving…' : 'Set new password'}</button>
        <button type="button" @click=${this.close}>Cancel</button>
      </div>
    </form>`;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.saving = true;
    this.error = null;
    try {
      const body: ResetPasswordRequest = { password: this.password };
      await apiPost<StaffResponse>(`/api/users/${this.account.id}/reset-password`, body);
      this.done = this.password;
      this.password = '';
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('form-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-password-reset': MqPasswordReset;
  }
}
