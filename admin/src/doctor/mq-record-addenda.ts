import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { AddendumRequest, RecordView } from '../../../common/records';
import { ApiError, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import '../shared/events';
import { formatDateTime } from '../shared/clinic-format';

/**
 * The addenda of a signed record: corrections after sign-off, each signed by its author and time-stamped by the
 * server, listed oldest first, with a form to add one (POST /api/records/:id/addenda). Fires `record-changed` with
 * the record the server returned.
 */
@customElement('mq-record-addenda')
export class MqRecordAddenda extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: 1.5rem 0 0.75rem;
        font-size: 1.1rem;
      }
      ol {
        display: grid;
        gap: 0.75rem;
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
      }
      li {
        padding: 0.75rem 1rem;
        border-inline-start: 4px solid var(--mq-color-primary);
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-surface-alt);
      }
      li p {
        margin: 0 0 0.4rem;
        white-space: pre-wrap;
      }
      .by {
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
      }
      form {
        display: grid;
        gap: 0.6rem;
      }
      form button {
        justify-self: start;
      }
    `,
  ];

  /** The signed record. */
  @property({ attribute: false }) record!: RecordView;

  @state() private text = '';
  @state() private error = '';
  @state() private sending = false;

  render() {
    const addenda = this.record.addenda;
    return html`<h3 id="addenda-title">Addenda</h3>
      ${addenda.length
        ? html`<ol aria-labelledby="addenda-title">
            ${addenda.map(
              (a) => html`<li>
                <p>${a.text}</p>
                <span class="by">Signed by ${a.author.fullName} · ${formatDateTime(a.createdAt)}</span>
              </li>`,
            )}
          </ol>`
        : html`<p class="status">No addenda. A correction to a signed record is added here, signed with your name and the time.</p>`}
      <form novalidate @submit=${this.onSubmit}>
        <div class="field">
          <label for="addendum">Addendum</label>
          <textarea
            id="addendum"
            rows="3"
            maxlength="20000"
            .value=${live(this.text)}
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby="addendum-error"
            @input=${(e: InputEvent) => ((this.text = (e.target as HTMLTextAreaElement).value), (this.error = ''))}
          ></textarea>
          ${this.error ? html`<span class="field-error" id="addendum-error" role="alert">${this.error}</span>` : nothing}
        </div>
        <button type="submit" ?disabled=${this.sending}>${this.sending ? 'Adding…' : 'Add signed addendum'}</button>
      </form>`;
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.sending) return;
    if (!this.text.trim()) {
      this.error = 'Write the addendum.';
      return;
    }
    this.sending = true;
    try {
      const body: AddendumRequest = { text: this.text.trim() };
      const record = await apiPost<RecordView>(`/api/records/${this.record.id}/addenda`, body);
      this.text = '';
      this.error = '';
      this.dispatchEvent(new CustomEvent('record-changed', { detail: record, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? (error.fieldMessage('text') ?? error.message) : 'The addendum could not be added. Please try again.';
    } finally {
      this.sending = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-record-addenda': MqRecordAddenda;
  }
}
