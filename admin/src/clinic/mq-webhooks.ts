import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { WEBHOOK_EVENTS, type CreatedWebhookResponse, type WebhookEvent, type WebhookListResponse, type WebhookView } from '../../../common/webhooks';
import { apiFetch, apiGet, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { formatDateTime } from '../shared/clinic-format';
import { fieldErrorLine, fieldMessage, formLevelMessage, listStyles, messageOf } from '../shared/form-helpers';
import { confirmAction } from '../shared/mq-confirm-dialog';
import { integrationStyles, secretShownOnce } from './integration-parts';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/** Each event in plain words, beside the name the receiving system sees. */
const EVENT_WORDS: Record<WebhookEvent, string> = {
  'ticket.created': 'a patient checks in',
  'ticket.called': 'a patient is called',
  'visit.completed': 'a visit is completed',
  'record.signed': 'a record is signed',
  'appointment.booked': 'an appointment is booked',
  'appointment.cancelled': 'an appointment is cancelled',
};

/**
 * Webhooks (admins, issue 16): the addresses told about queue, record and booking events, each with its last
 * delivery's outcome and how many deliveries wait. Register one (the signing secret is shown once), remove one.
 */
@customElement('mq-webhooks')
export class MqWebhooks extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    listStyles,
    integrationStyles,
    css`
      :host {
        display: block;
        margin-top: 1.5rem;
      }
      /* A long address wraps rather than pushing the Remove button out of sight. */
      th[scope='row'] {
        word-break: break-all;
      }
      fieldset {
        border: none;
        padding: 0;
        margin: 1rem 0 0.75rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
      }
      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: 0.5rem;
      }
      fieldset label code {
        color: var(--mq-muted, #5b6b75);
        font-size: 0.85em;
      }
    `,
  ];

  @state() private hooks: WebhookView[] | null = null;
  @state() private url = '';
  @state() private events = new Set<WebhookEvent>();
  @state() private clinical = false;
  @state() private error: unknown = null;
  @state() private created: CreatedWebhookResponse | null = null;
  @state() private notice = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  render() {
    const problem = formLevelMessage(this.error);
    const urlError = fieldMessage(this.error, 'url');
    const eventsError = fieldMessage(this.error, 'events');
    return html`<section class="card" aria-labelledby="hooks-title">
      <h2 id="hooks-title">Webhooks</h2>
      <p class="muted">Another system is told when something happens here. Each delivery is signed with a secret shown once, so the receiving system can check it came from this clinic; failed ones are retried.</p>
      <form @submit=${this.create} novalidate>
        <div class="field">
          <label for="hook-url">Address (https://...)</label>
          <input id="hook-url" type="url" maxlength="500" .value=${this.url} aria-invalid=${urlError ? 'true' : 'false'} aria-describedby="hook-url-error"
            @input=${(e: InputEvent) => (this.url = (e.target as HTMLInputElement).value)} />
          ${fieldErrorLine('hook-url-error', urlError)}
        </div>
        <fieldset aria-describedby="hook-events-error">
          <legend>Tell it when</legend>
          ${WEBHOOK_EVENTS.map(
            (event) =>
              html`<label><input type="checkbox" .checked=${this.events.has(event)} @change=${() => this.toggle(event)} /> ${EVENT_WORDS[event]} <code>${event}</code></label>`,
          )}
        </fieldset>
        ${fieldErrorLine('hook-events-error', eventsError)}
        <label><input type="checkbox" .checked=${this.clinical} @change=${() => (this.clinical = !this.clinical)} /> Clinical: include patient ids and clinical data (only for systems allowed to hold them)</label>
        ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
        <div class="actions"><button type="submit" class="primary">Register webhook</button></div>
      </form>
      ${this.created
        ? secretShownOnce('Webhook registered. Its signing secret, shown only now:', this.created.secret, 'new-hook-secret')
        : nothing}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      ${this.hooks ? this.renderList(this.hooks) : nothing}
    </section>`;
  }

  private renderList(hooks: WebhookView[]) {
    if (!hooks.length) return html`<p class="muted">No webhooks yet.</p>`;
    return html`<div class="table">
      <table class="data">
        <thead><tr><th scope="col">Address</th><th scope="col">Events</th><th scope="col">Data</th><th scope="col">Last delivery</th><th scope="col">Waiting</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          ${hooks.map(
            (h) => html`<tr>
              <th scope="row">${h.url}</th>
              <td>${h.events.join(', ')}</td>
              <td>${h.clinical ? 'Clinical' : 'Public-safe'}</td>
              <td>${h.lastStatus ? `${h.lastStatus}, ${formatDateTime(h.lastAttemptAt!)}` : 'None yet'}</td>
              <td>${h.pending}</td>
              <td><button type="button" aria-label=${`Remove the webhook ${h.url}`} @click=${() => this.removeHook(h)}>Remove</button></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private toggle(event: WebhookEvent): void {
    const events = new Set(this.events);
    if (events.has(event)) events.delete(event);
    else events.add(event);
    this.events = events;
  }

  private async load(): Promise<void> {
    try {
      this.hooks = (await apiGet<WebhookListResponse>('/api/webhooks')).webhooks;
    } catch (error) {
      this.notice = `The webhooks could not be loaded. ${messageOf(error)}`;
    }
  }

  private readonly create = async (e: SubmitEvent): Promise<void> => {
    e.preventDefault();
    try {
      this.created = await apiPost<CreatedWebhookResponse>('/api/webhooks', { url: this.url, events: [...this.events], clinical: this.clinical });
      this.error = null;
      this.url = '';
      this.events = new Set();
      this.clinical = false;
      await this.load();
    } catch (error) {
      this.error = error;
    }
  };

  private async removeHook(hook: WebhookView): Promise<void> {
    const confirmed = await confirmAction({
      title: 'Remove this webhook?',
      message: `${hook.url} is told nothing more, and its ${hook.pending} waiting deliveries are dropped.`,
      confirmLabel: 'Remove webhook',
      danger: true,
    });
    if (!confirmed) return;
    try {
      await apiFetch(`/api/webhooks/${hook.id}`, { method: 'DELETE' });
      this.created = null;
      this.notice = `The webhook ${hook.url} is removed.`;
      await this.load();
    } catch (error) {
      this.notice = messageOf(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-webhooks': MqWebhooks;
  }
}
