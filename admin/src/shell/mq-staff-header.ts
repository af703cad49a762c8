import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StaffUser } from '../../../common/api';
import type { ConnectionStatus } from '../../../common/web/realtime-client';
import { baseStyles } from '../../../common/web/shared-styles';
import '../../../common/web/mq-clinic-mark';
import '../../../common/web/mq-connection-status';
import { roleLabel } from '../shared/roles';
import { staffButtonStyles } from '../shared/staff-buttons';
import '../shared/events';

/**
 * The staff panel's top bar: the clinic, the live-connection badge, who is signed in (name and role) and
 * the "Sign out" button, which fires `sign-out` for the app to act on.
 */
@customElement('mq-staff-header')
export class MqStaffHeader extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      :host {
        display: block;
        background: var(--mq-color-surface);
        border-bottom: 1px solid var(--mq-color-border);
      }
      header {
        display: flex;
        align-items: center;
        gap: 1.5rem;
        max-width: 90rem;
        margin: 0 auto;
        padding: 0.85rem 1.75rem;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 0.7rem;
        min-width: 0;
        margin-inline-end: auto;
      }
      .brand mq-clinic-mark {
        font-size: 2.1rem;
      }
      .clinic {
        display: block;
        font-size: 1.15rem;
        font-weight: 700;
        /* A long clinic name wraps rather than being cut. */
        overflow-wrap: anywhere;
      }
      .product {
        display: block;
        font-size: 0.85rem;
        color: var(--mq-color-text-muted);
      }
      .user {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        text-align: end;
      }
      .avatar {
        display: grid;
        place-items: center;
        width: 2.5rem;
        height: 2.5rem;
        border-radius: 50%;
        background: var(--mq-color-primary-soft);
        color: var(--mq-color-primary-strong);
        font-weight: 700;
      }
      .name {
        display: block;
        font-weight: 600;
      }
      .role {
        display: block;
        font-size: 0.85rem;
        color: var(--mq-color-text-muted);
      }
      button {
        padding: 0.5rem 1.1rem;
      }
      button:hover:not(:disabled) {
        border-color: var(--mq-color-primary);
        color: var(--mq-color-primary-strong);
      }
      button:disabled {
        opacity: 0.6;
        cursor: progress;
      }
      @media (max-width: 40rem) {
        .user .text,
        .product {
          display: none;
        }
      }
    `,
  ];

  /** The signed-in staff member. */
  @property({ attribute: false }) user!: StaffUser;

  /** The clinic's name. */
  @property() clinicName = '';

  /** Live connection status, for the badge. */
  @property() connection: ConnectionStatus = 'connecting';

  /** True when the connection has been down long enough to say so. */
  @property({ type: Boolean }) offline = false;

  /** True while the sign-out request is on its way. */
  @property({ type: Boolean }) signingOut = false;

  render() {
    const { user } = this;
    return html`
      <header>
        <div class="brand">
          <mq-clinic-mark></mq-clinic-mark>
          <span>
            <span class="clinic">${this.clinicName}</span>
            <span class="product">Staff panel</span>
          </span>
        </div>
        <mq-connection-status .status=${this.connection} ?offline=${this.offline}></mq-connection-status>
        <div class="user">
          <span class="text">
            <span class="name">${user.fullName}</span>
            <span class="role">${roleLabel(user.role)}</span>
          </span>
          <span class="avatar" aria-hidden="true">${initials(user.fullName)}</span>
        </div>
        <button type="button" ?disabled=${this.signingOut} @click=${this.onSignOut}>Sign out</button>
      </header>
    `;
  }

  private onSignOut(): void {
    this.dispatchEvent(new CustomEvent('sign-out', { bubbles: true, composed: true }));
  }
}

/** "Dr Amina Okafor" -> "AO": titles are skipped so doctors do not all get a "D". */
function initials(fullName: string): string {
  const words = fullName.split(/\s+/).filter((w) => w && !/^(dr|mr|mrs|ms|miss|prof)\.?$/i.test(w));
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? words[words.length - 1][0] : '')).toUpperCase();
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-staff-header': MqStaffHeader;
  }
}
