import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StaffResponse } from '../../../common/admin';
import type { StaffUser } from '../../../common/api';
import { apiGet, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import type { StaffSavedEvent } from '../shared/events';
import { listStyles, messageOf } from '../shared/form-helpers';
import { confirmAction } from '../shared/mq-confirm-dialog';
import './mq-password-reset';
import './mq-staff-form';
import { panelStyles } from '../shared/panel-styles';
import { roleLabel } from '../shared/roles';
import { staffButtonStyles } from '../shared/staff-buttons';

/** What the card above the list is doing. */
type Panel = { kind: 'create' } | { kind: 'edit'; account: StaffUser } | { kind: 'reset'; account: StaffUser } | null;

/**
 * Staff accounts (admins): every account with its role and whether it may sign in; create one, edit its name, email
 * and role, reset its password, deactivate it (after confirming) or let it back in. Accounts are never deleted. An
 * admin cannot deactivate themselves or change their own role: the buttons say so, and the server refuses anyway.
 */
@customElement('mq-staff-accounts')
export class MqStaffAccounts extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    listStyles,
    css`
      :host {
        display: block;
      }
      .badge {
        display: inline-block;
        padding: 0.1rem 0.6rem;
        border-radius: 999px;
        font-size: 0.85rem;
        font-weight: 600;
      }
      .badge.active {
        background: var(--mq-color-success-soft);
        color: var(--mq-color-success);
      }
      .badge.inactive {
        background: var(--mq-color-surface-alt);
        color: var(--mq-color-text-muted);
      }
      .you {
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
      }
      tr.inactive td:not(:last-child) {
        color: var(--mq-color-text-muted);
      }
    `,
  ];

  /** The signed-in admin. */
  @property({ attribute: false }) user!: StaffUser;

  @state() private accounts: StaffUser[] | null = null;
  @state() private loadError = '';
  @state() private panel: Panel = null;
  @state() private notice = '';
  /** A refused row action, shown by its row: account id and the words. */
  @state() private rowError: { id: number; message: string } | null = null;
  @state() private busyId = 0;

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  render() {
    return html`
      ${this.panel ? this.renderPanel(this.panel) : nothing}
      <section class="card" aria-labelledby="list-title">
        <header>
          <h2 id="list-title">Staff accounts</h2>
          <button type="button" class="primary" @click=${() => this.open({ kind: 'create' })}>New account</button>
        </header>
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing} ${this.renderList()}
      </section>
    `;
  }

  private renderPanel(panel: NonNullable<Panel>) {
    const title =
      panel.kind === 'create' ? 'New staff account' : panel.kind === 'edit' ? `Edit ${panel.account.fullName}` : 'Reset password';
    return html`<section class="card" aria-labelledby="panel-title">
      <h2 id="panel-title">${title}</h2>
      ${panel.kind === 'reset'
        ? html`<mq-password-reset .account=${panel.account} @form-cancel=${this.close}></mq-password-reset>`
        : html`<mq-staff-form
            .account=${panel.kind === 'edit' ? panel.account : null}
            .selfId=${this.user.id}
            @staff-saved=${this.onSaved}
            @form-cancel=${this.close}
          ></mq-staff-form>`}
    </section>`;
  }

  private renderList() {
    if (this.loadError) {
      return html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>Try again</button></p>`;
    }
    if (!this.accounts) return html`<p class="status" role="status">Loading staff accounts…</p>`;
    if (!this.accounts.length) return html`<p class="empty">No staff accounts yet. Create the first with "New account".</p>`;
    return html`<table class="data">
      <thead>
        <tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
      </thead>
      <tbody>
        ${this.accounts.map((account) => this.renderRow(account))}
      </tbody>
    </table>`;
  }

  private renderRow(account: StaffUser) {
    const own = account.id === this.user.id;
    const busy = this.busyId === account.id;
    const selected = this.panel && this.panel.kind !== 'create' && this.panel.account.id === account.id;
    return html`<tr class=${account.active ? '' : 'inactive'} aria-selected=${selected ? 'true' : 'false'}>
      <th scope="row">${account.fullName} ${own ? html`<span class="you">(you)</span>` : nothing}</th>
      <td>${account.email}</td>
      <td>${roleLabel(account.role)}</td>
      <td><span class="badge ${account.active ? 'active' : 'inactive'}">${account.active ? 'Active' : 'Deactivated'}</span></td>
      <td>
        <div class="row-actions">
          <button type="button" aria-label=${`Edit ${account.fullName}`} @click=${() => this.open({ kind: 'edit', account })}>Edit</button>
          <button type="button" aria-label=${`Reset password of ${account.fullName}`} @click=${() => this.open({ kind: 'reset', account })}>
            Reset password
          </button>
          ${own
            ? nothing
            : account.active
              ? html`<button type="button" class="danger" ?disabled=${busy} aria-label=${`Deactivate ${account.fullName}`} @click=${() => this.deactivate(account)}>
                  Deactivate
                </button>`
              : html`<button type="button" ?disabled=${busy} aria-label=${`Reactivate ${account.fullName}`} @click=${() => this.activate(account)}>
                  Reactivate
                </button>`}
        </div>
        ${this.rowError?.id === account.id ? html`<p class="field-error" role="alert">${this.rowError.message}</p>` : nothing}
      </td>
    </tr>`;
  }

  private async load(): Promise<void> {
    this.loadError = '';
    try {
      this.accounts = (await apiGet<{ users: StaffUser[] }>('/api/users')).users;
    } catch (error) {
      this.loadError = messageOf(error);
    }
  }

  private open(panel: NonNullable<Panel>): void {
    this.panel = panel;
    this.notice = '';
    this.rowError = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#panel-title')?.scrollIntoView({ block: 'nearest' }));
  }

  private close(): void {
    this.panel = null;
  }

  private onSaved(event: StaffSavedEvent): void {
    const created = this.panel?.kind === 'create';
    this.replace(event.detail);
    this.panel = null;
    this.notice = created ? `${event.detail.fullName} can now sign in with ${event.detail.email}.` : `Saved ${event.detail.fullName}.`;
  }

  private async deactivate(account: StaffUser): Promise<void> {
    const confirmed = await confirmAction({
      title: `Deactivate ${account.fullName}?`,
      message: 'They are signed out at once and cannot sign in until an admin reactivates the account. Their history is kept.',
      confirmLabel: 'Deactivate',
      danger: true,
    });
    if (confirmed) await this.step(account, 'deactivate', `${account.fullName} is deactivated and can no longer sign in.`);
  }

  private activate(account: StaffUser): Promise<void> {
    return this.step(account, 'activate', `${account.fullName} can sign in again.`);
  }

  private async step(account: StaffUser, action: 'deactivate' | 'activate', done: string): Promise<void> {
    this.busyId = account.id;
    this.rowError = null;
    this.notice = '';
    try {
      this.replace((await apiPost<StaffResponse>(`/api/users/${account.id}/${action}`)).user);
      this.notice = done;
    } catch (error) {
      this.rowError = { id: account.id, message: messageOf(error) };
    } finally {
      this.busyId = 0;
    }
  }

  /** Puts the server's version of an account into the list (added when new), keeping the list in name order. */
  private replace(account: StaffUser): void {
    const others = (this.accounts ?? []).filter((a) => a.id !== account.id);
    this.accounts = [...others, account].sort((a, b) => a.fullName.localeCompare(b.fullName));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-staff-accounts': MqStaffAccounts;
  }
}
