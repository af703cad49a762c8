import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CreateStaffRequest, StaffResponse, UpdateStaffRequest } from '../../../common/admin';
import { ROLES, type Role, type StaffUser } from '../../../common/api';
import { apiFetch, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { fieldErrorLine, fieldMessage, formLevelMessage } from '../shared/form-helpers';
import { panelStyles } from '../shared/panel-styles';
import { roleLabel } from '../shared/roles';
import { staffButtonStyles } from '../shared/staff-buttons';

/**
 * Creates a staff account (name, email, role, first password) or edits one (name, email, role). Fires `staff-saved`
 * with the account the server answered, or `form-cancel`. Refusals show next to their field or above the buttons,
 * in the server's words (an email already in use, an admin changing their own role).
 */
@customElement('mq-staff-form')
export class MqStaffForm extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The account being edited, or null to create one. */
  @property({ attribute: false }) account: StaffUser | null = null;
  /** The signed-in admin's id: their own role cannot be changed. */
  @property({ type: Number }) selfId = 0;

  @state() private fullName = '';
  @state() private email = '';
  @state() private roleChoice: Role = 'reception';
  @state() private password = '';
  @state() private saving = false;
  @state() private error: unknown = null;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('account')) {
      this.fullName = this.account?.fullName ?? '';
      this.email = this.account?.email ?? '';
      this.roleChoice = this.account?.role ?? 'reception';
      this.password = '';
      this.error = null;
    }
  }

  render() {
    const editing = this.account;
    const own = editing?.id === this.selfId;
    const problem = formLevelMessage(this.error);
    return html`<form @submit=${this.submit} novalidate>
      <div class="fields">
        ${this.input('fullName', 'Full name', this.fullName, (v) => (this.fullName = v), 'name')}
        ${this.input('email', 'Email', this.email, (v) => (this.email = v), 'email', 'email')}
        <div class="field">
          <label for="role">Role</label>
          <select id="role" .value=${this.roleChoice} ?disabled=${own} @change=${(e: Event) => (this.roleChoice = (e.target as HTMLSelectElement).value as Role)}>
            ${ROLES.map((r) => html`<option value=${r} ?selected=${r === this.roleChoice}>${roleLabel(r)}</option>`)}
          </select>
          ${own ? html`<span class="hint">You cannot change your own role.</span>` : nothing}
          ${fieldErrorLine('role-error', fieldMessage(this.error, 'role'))}
        </div>
        ${editing
          ? nothing
          : this.input('password', 'First password', this.password, (v) => (this.password = v), 'new-password', 'text', 'At least 10 characters. Hand it over in person.')}
      </div>
      ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.saving}>
          ${this.saving ? 'Saving…' : editing ? 'Save changes' : 'Create account'}
        </button>
        <button type="button" @click=${this.cancel}>Cancel</button>
      </div>
    </form>`;
  }

  private input(id: string, label: string, value: string, set: (v: string) => void, autocomplete: string, type = 'text', hint = '') {
    const message = fieldMessage(this.error, id);
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type=${type}
        autocomplete=${autocomplete}
        .value=${value}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${`${id}-error`}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      ${hint ? html`<span class="hint">${hint}</span>` : nothing} ${fieldErrorLine(`${id}-error`, message)}
    </div>`;
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.saving = true;
    this.error = null;
    try {
      let response: StaffResponse;
      if (this.account) {
        const changes: UpdateStaffRequest = {};
        if (this.fullName !== this.account.fullName) changes.fullName = this.fullName;
        if (this.email !== this.account.email) changes.email = this.email;
        if (this.roleChoice !== this.account.role) changes.role = this.roleChoice;
        response = Object.keys(changes).length
          ? await apiFetch<StaffResponse>(`/api/users/${this.account.id}`, { method: 'PATCH', body: changes })
          : { user: this.account };
      } else {
        const body: CreateStaffRequest = { fullName: this.fullName, email: this.email, role: this.roleChoice, password: this.password };
        response = await apiPost<StaffResponse>('/api/users', body);
      }
      this.dispatchEvent(new CustomEvent('staff-saved', { detail: response.user, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
    }
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('form-cancel', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-staff-form': MqStaffForm;
  }
}
