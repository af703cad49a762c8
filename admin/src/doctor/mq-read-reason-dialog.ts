import { css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { READ_REASON_SCHEMA } from '../../../common/record-fields';
import { StaffDialog } from '../shared/staff-dialog';
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
export class MqReadReasonDialog extends StaffDialog {
  static styles = [
    ...StaffDialog.styles,
    css`
      dialog {
        width: min(34rem, 92vw);
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
  @query('textarea') private field!: HTMLTextAreaElement;

  render() {
    const message = this.error || this.problem;
    return this.frame(
      { id: 'reason-title', heading: 'Why do you need to read this?', describedBy: 'reason-why' },
      html`<p id="reason-why">You are not seeing this patient now, so reading ${this.subject} needs a reason. It is recorded with your name in the audit log.</p>
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
      </form>`,
    );
  }

  /** Opens the dialog with an empty field, focused. */
  async open(): Promise<void> {
    this.reason = '';
    this.error = '';
    await this.showDialog();
    this.field.focus();
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
