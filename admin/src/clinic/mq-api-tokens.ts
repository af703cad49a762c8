import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiTokenListResponse, ApiTokenView, CreatedApiTokenResponse } from '../../../common/api-tokens';
import { apiGet, apiPost } from '../../../common/web/api';
import { formatDateTime } from '../shared/clinic-format';
import { baseStyles } from '../../../common/web/shared-styles';
import { fieldErrorLine, fieldMessage, formLevelMessage, listStyles, messageOf } from '../shared/form-helpers';
import { confirmAction } from '../shared/mq-confirm-dialog';
import { integrationStyles, secretShownOnce } from './integration-parts';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/**
 * API access (admins, issue 16): tokens that let another system (an EMR, a national record) read the FHIR API.
 * Create one with a name (the token is shown once, to copy into the other system), see when each was last used,
 * revoke one at once.
 */
@customElement('mq-api-tokens')
export class MqApiTokens extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    listStyles,
    integrationStyles,
    css`
      :host {
        display: block;
      }
      tr.revoked th,
      tr.revoked td:not(:last-child) {
        color: var(--mq-color-text-muted);
      }
    `,
  ];

  @state() private tokens: ApiTokenView[] | null = null;
  @state() private name = '';
  @state() private error: unknown = null;
  @state() private created: CreatedApiTokenResponse | null = null;
  @state() private notice = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  render() {
    const problem = formLevelMessage(this.error);
    const nameError = fieldMessage(this.error, 'name');
    return html`<section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p class="muted">A token lets another system read this clinic's signed records, appointments and schedules through the FHIR R4 API at <code>/fhir/R4</code>. Every read is in the audit log.</p>
      <form @submit=${this.create} novalidate>
        <div class="field">
          <label for="token-name">Which system is it for?</label>
          <input id="token-name" maxlength="100" .value=${this.name} aria-invalid=${nameError ? 'true' : 'false'} aria-describedby="token-name-error"
            @input=${(e: InputEvent) => (this.name = (e.target as HTMLInputElement).value)} />
          ${fieldErrorLine('token-name-error', nameError)}
        </div>
        ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
        <div class="actions"><button type="submit" class="primary">Create a read-only FHIR token</button></div>
      </form>
      ${this.created
        ? secretShownOnce(`Token for ${this.created.token.name} created. Copy it now: it is not shown again.`, this.created.secret, 'new-token')
        : nothing}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      ${this.tokens ? this.renderList(this.tokens) : nothing}
    </section>`;
  }

  private renderList(tokens: ApiTokenView[]) {
    if (!tokens.length) return html`<p class="muted">No tokens yet.</p>`;
    return html`<div class="table">
      <table class="data">
        <thead><tr><th scope="col">System</th><th scope="col">Starts with</th><th scope="col">Scope</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          ${tokens.map(
            (t) => html`<tr class=${t.revokedAt ? 'revoked' : ''}>
              <th scope="row">${t.name}</th>
              <td><code>${t.prefix}…</code></td>
              <td>${t.scopes.join(', ')}</td>
              <td>${formatDateTime(t.createdAt)}</td>
              <td>${t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</td>
              <td>${t.revokedAt
                ? html`Revoked ${formatDateTime(t.revokedAt)}`
                : html`<button type="button" aria-label=${`Revoke the token for ${t.name}`} @click=${() => this.revoke(t)}>Revoke</button>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private async load(): Promise<void> {
    try {
      this.tokens = (await apiGet<ApiTokenListResponse>('/api/api-tokens')).tokens;
    } catch (error) {
      this.notice = `The tokens could not be loaded. ${messageOf(error)}`;
    }
  }

  private readonly create = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    try {
      this.created = await apiPost<CreatedApiTokenResponse>('/api/api-tokens', { name: this.name, scopes: ['fhir:read'] });
      this.error = null;
      this.name = '';
      this.notice = '';
      await this.load();
    } catch (error) {
      this.error = error;
    }
  };

  private async revoke(token: ApiTokenView): Promise<void> {
    const confirmed = await confirmAction({
      title: `Revoke the token for ${token.name}?`,
      message: 'That system loses access at once. A new token can be made for it later.',
      confirmLabel: 'Revoke token',
      danger: true,
    });
    if (!confirmed) return;
    try {
      await apiPost(`/api/api-tokens/${token.id}/revoke`);
      this.created = null;
      this.notice = `The token for ${token.name} is revoked.`;
      await this.load();
    } catch (error) {
      this.notice = messageOf(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-api-tokens': MqApiTokens;
  }
}
