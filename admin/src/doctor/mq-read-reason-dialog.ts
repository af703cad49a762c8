import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { READ_REASON_SCHEMA } from '../../../common/record-fields';
import { baseStyles } from '../../../common/web/shared-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import '../shared/events';

const MIN = READ_REASON_SCHEMA.minLength ?? 10;
const MAX = READ_REASON_SCHEMA.maxLength ?? 500;

/**
 * Asks a doctor why they need to read records outside the usual rules (issue 19: "other reads need a reason,
 * recorded"): a native modal `<dialog>`, so focus stays in it, Escape cancels and Enter in the field sends. The reason
 * is checked with the server's own limits before it goes (`reason-given`); the server records it with the read in the
 * audit log. The owner shows what the server answered through `problem`.
 */
@customElement('mq-read-reason-dialog')
export class MqReadReasonDialog extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      dialog {
        width: min(34rem, 92vw);
        padding: 1.5rem;
        border: none;
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        color: var(--mq-color-text);
        box-shadow: var(--mq-shadow-raised);
      }
      dialog::backdrop {
        background: rgb(10 25 35 / 0.45);
      }
      h2 {
        margin: 0 0 0.6rem;
        font-size: 1.25rem;
      }
      p {
        margin: 0 0 1rem;
        line-height: 1.5;
      }
      label {
        display: block;
        margin-bottom: 0.3rem;
        font-weight: 600;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
      }
      .hint {
        margin: 0.3rem 0 0;
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
      }
      .error {
        margin: 0.5rem 0 0;
        color: var(--mq-color-danger);
        font-weight: 600;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 0.6rem;
        margin-top: 1.25rem;
      }
    `,
  ];

  /** Whose records, in words ("Elena Petrova's visits in other departments"). */
  @property() subject = 'these records';
  /** What the server answered to the last reason, shown under the field. */
  @property() problem = '';

  @state() private reason = '';
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('textarea') private field!: HTMLTextAreaElement;

  render() {
    const message = this.error || this.problem;
    return html`<dialog aria-labelledby="reason-title" aria-describedby="reason-why">
      <h2 id="reason-title">Why do you need to read this?</h2>
      <p id="reason-why">You are not seeing this patient now, so reading ${this.subject} needs a reason. It is recorded with your name in the audit log.</p>
      <form @submit=${this.onSubmit} novalidate>
        <label for="reason">Reason</label>
        <textarea
          id="reason"
          rows="3"
          minlength=${MIN}
          maxlength=${MAX}
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby="reason-hint reason-error"
          .value=${this.reason}
          @input=${(e: Event) => {
            this.reason = (e.target as HTMLTextAreaElement).value;
            this.error = '';
          }}
          @keydown=${this.onKeyDown}
        ></textarea>
        <p class="hint" id="reason-hint">At least ${MIN} characters, for example "Referred by cardiology, checking earlier ECG findings". Enter sends; Shift+Enter starts a new line.</p>
        <p class="error" id="reason-error" role="alert">${message || nothing}</p>
        <div class="buttons">
          <button type="button" @click=${() => this.close()}>Cancel</button>
          <button type="submit" class="primary">Read with this reason</button>
        </div>
      </form>
    </dialog>`;
  }

  /** Opens the dialog with an empty field, focused. */
  async open(): Promise<void> {
    this.reason = '';
    this.error = '';
    await this.updateComplete;
    this.dialog.showModal();
    this.field.focus();
  }

  /** Closes the dialog (after the server accepted the reason, or on Cancel). */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      this.send();
    }
  };

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    this.send();
  };

  private send(): void {
    const checked = READ_REASON_SCHEMA.safeParse(this.reason);
    if (!checked.success) {
      this.error = checked.error.issues[0]?.message ?? 'Give a reason.';
      this.field.focus();
      return;
    }
    this.dispatchEvent(new CustomEvent('reason-given', { detail: checked.data, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-read-reason-dialog': MqReadReasonDialog;
  }
}
