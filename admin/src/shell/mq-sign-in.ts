import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { SessionResponse, SignInRequest } from '../../../common/api';
import { ApiError, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import '../../../common/web/mq-clinic-mark';
import '../shared/events';

type Field = keyof SignInRequest;

/**
 * The staff sign-in form. Posts to /api/auth/sign-in and fires `signed-in` (with the session) on success.
 * Every refusal (wrong password, too many attempts, a server that cannot be reached) is read out from one
 * alert region in the server's own plain words; the fields it names are marked invalid and point to it.
 */
@customElement('mq-sign-in')
export class MqSignIn extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
        width: min(100%, 28rem);
      }
      .card {
        padding: 2.5rem 2.25rem 2rem;
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        box-shadow: var(--mq-shadow-raised);
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        margin-bottom: 1.75rem;
        font-size: 1.15rem;
        font-weight: 600;
        color: var(--mq-color-text-muted);
      }
      .brand mq-clinic-mark {
        font-size: 2rem;
      }
      h1 {
        margin: 0 0 0.35rem;
        font-size: 1.75rem;
        letter-spacing: -0.01em;
      }
      .lead {
        margin: 0 0 1.75rem;
        color: var(--mq-color-text-muted);
      }
      .notice {
        margin: 0 0 1.25rem;
        padding: 0.75rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-success-soft);
        color: var(--mq-color-success);
        font-weight: 500;
      }
      form {
        display: grid;
        gap: 1.25rem;
      }
      label {
        display: block;
        margin-bottom: 0.4rem;
        font-weight: 600;
      }
      input {
        width: 100%;
        min-height: 3rem;
        padding: 0.65rem 0.9rem;
        border: 1.5px solid var(--mq-color-border);
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-surface);
        color: inherit;
        font: inherit;
        font-size: 1.05rem;
      }
      input:focus-visible {
        border-color: var(--mq-color-primary);
      }
      input[aria-invalid='true'] {
        border-color: var(--mq-color-danger);
      }
      .alert:not(:empty) {
        display: flex;
        gap: 0.6rem;
        padding: 0.85rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-danger-soft);
        color: var(--mq-color-danger);
        font-weight: 500;
      }
      .alert svg {
        flex: none;
        width: 1.3rem;
        height: 1.3rem;
        margin-top: 0.1rem;
      }
      button {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 0.6rem;
        min-height: 3.1rem;
        padding: 0.7rem 1.25rem;
        border: none;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-primary);
        color: var(--mq-color-on-primary);
        font: inherit;
        font-size: 1.05rem;
        font-weight: 600;
        cursor: pointer;
      }
      button:hover:not(:disabled) {
        background: var(--mq-color-primary-strong);
      }
      button:disabled {
        opacity: 0.7;
        cursor: progress;
      }
      .spinner {
        width: 1.1rem;
        height: 1.1rem;
        border: 2.5px solid currentColor;
        border-right-color: transparent;
        border-radius: 50%;
        animation: spin 0.8s linear infinite;
      }
      @keyframes spin {
        to {
          transform: rotate(1turn);
        }
      }
      .help {
        margin: 1.5rem 0 0;
        font-size: 0.95rem;
        color: var(--mq-color-text-muted);
      }
    `,
  ];

  /** Shown above the form (the clinic's name). */
  @property() clinicName = '';

  /** A calm note above the form, e.g. "You have signed out." */
  @property() notice = '';

  @state() private email = '';
  @state() private password = '';
  @state() private submitting = false;
  @state() private error = '';
  @state() private fieldErrors: Partial<Record<Field, string>> = {};

  @query('#email') private emailInput!: HTMLInputElement;
  @query('#password') private passwordInput!: HTMLInputElement;

  protected firstUpdated(): void {
    this.emailInput.focus();
  }

  render() {
    const { fieldErrors } = this;
    return html`
      <div class="card">
        <div class="brand"><mq-clinic-mark></mq-clinic-mark><span>${this.clinicName || 'MediQueue'}</span></div>
        <h1>Staff sign-in</h1>
        <p class="lead">For doctors, reception and administrators.</p>
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
        <form novalidate @submit=${this.onSubmit} aria-busy=${this.submitting ? 'true' : 'false'}>
          <div>
            <label for="email">Email</label>
            <input
              id="email"
              name="email"
              type="email"
              autocomplete="username"
              inputmode="email"
              spellcheck="false"
              .value=${live(this.email)}
              ?readonly=${this.submitting}
              aria-invalid=${fieldErrors.email ? 'true' : 'false'}
              aria-describedby=${fieldErrors.email ? 'form-error' : nothing}
              @input=${(e: InputEvent) => this.onInput('email', e)}
            />
          </div>
          <div>
            <label for="password">Password</label>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              .value=${live(this.password)}
              ?readonly=${this.submitting}
              aria-invalid=${fieldErrors.password ? 'true' : 'false'}
              aria-describedby=${fieldErrors.password ? 'form-error' : nothing}
              @input=${(e: InputEvent) => this.onInput('password', e)}
            />
          </div>
          <div class="alert" id="form-error" role="alert">${this.error ? html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" aria-hidden="true"><circle cx="12" cy="12" r="9" /><path d="M12 7.5v5.5m0 3.5h.01" /></svg><span>${this.error}</span>` : nothing}</div>
          <button type="submit" ?disabled=${this.submitting}>
            ${this.submitting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}Sign in
          </button>
        </form>
        <p class="help">Forgotten your password? Ask the clinic's administrator to reset it.</p>
      </div>
    `;
  }

  private onInput(field: Field, event: InputEvent): void {
    this[field] = (event.target as HTMLInputElement).value;
    if (this.fieldErrors[field]) this.fieldErrors = { ...this.fieldErrors, [field]: undefined };
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submitting) return;
    // Check the obvious in the browser, in the same words and place as the server's own answers.
    const missing: Partial<Record<Field, string>> = {};
    if (!this.email.trim()) missing.email = 'Enter your email address.';
    if (!this.password) missing.password = 'Enter your password.';
    if (missing.email || missing.password) {
      this.showErrors(Object.values(missing).join(' '), missing);
      return;
    }

    this.submitting = true;
    this.error = '';
    try {
      const body: SignInRequest = { email: this.email.trim(), password: this.password };
      const session = await apiPost<SessionResponse>('/api/auth/sign-in', body);
      this.password = '';
      this.dispatchEvent(new CustomEvent('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      const fields: Partial<Record<Field, string>> = {};
      for (const f of apiError?.fields ?? []) if (f.path === 'email' || f.path === 'password') fields[f.path] = f.message;
      if (apiError?.id === 'invalid_credentials') this.password = '';
      const message =
        apiError?.id === 'validation_failed' && Object.keys(fields).length
          ? Object.values(fields).join(' ')
          : (apiError?.message ?? 'Something went wrong. Please try again.');
      this.showErrors(message, fields);
    } finally {
      this.submitting = false;
    }
  }

  private async showErrors(message: string, fields: Partial<Record<Field, string>>): Promise<void> {
    this.error = message;
    this.fieldErrors = fields;
    await this.updateComplete;
    (fields.email ? this.emailInput : this.passwordInput).focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-sign-in': MqSignIn;
  }
}
