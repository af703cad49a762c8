import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { StaffDialog } from './staff-dialog';

/** What {@link confirmAction} asks. */
export interface ConfirmOptions {
  /** The question, e.g. "Cancel this appointment?". */
  title: string;
  /** What will happen, in a sentence or two. */
  message: string;
  /** The confirming button's words, e.g. "Cancel appointment". */
  confirmLabel: string;
  /** The other button's words; default "Keep it". */
  cancelLabel?: string;
  /** Paint the confirming button as destructive. */
  danger?: boolean;
}

/**
 * A modal question before a destructive step (deactivate an account, cancel an appointment), built on the native
 * `<dialog>` so focus is trapped, Escape answers "no" and screen readers announce it. Use {@link confirmAction}.
 */
@customElement('mq-confirm-dialog')
export class MqConfirmDialog extends StaffDialog {
  static styles = [
    ...StaffDialog.styles,
    css`
      dialog {
        max-width: 30rem;
      }
      p {
        margin: 0 0 1.25rem;
        color: var(--mq-color-text-muted);
        line-height: 1.5;
      }
      button.danger {
        border-color: var(--mq-color-danger);
        background: var(--mq-color-danger);
        color: #fff;
      }
    `,
  ];

  @property({ attribute: false }) options!: ConfirmOptions;

  render() {
    const { title, message, confirmLabel, cancelLabel = 'Keep it', danger } = this.options;
    return this.frame(
      { id: 'title', heading: title, onClose: () => this.onClose() },
      html`<p>${message}</p>
        <form method="dialog" class="buttons">
          <button value="no" autofocus>${cancelLabel}</button>
          <button value="yes" class=${danger ? 'danger' : 'primary'}>${confirmLabel}</button>
        </form>`,
    );
  }

  /** Opens the dialog; resolves true when the confirming button was pressed. */
  async ask(): Promise<boolean> {
    await this.showDialog();
    return new Promise((resolve) => (this.resolve = resolve));
  }

  private resolve: (answer: boolean) => void = () => {};

  private onClose(): void {
    this.resolve(this.dialog.returnValue === 'yes');
    this.remove();
  }
}

/** Asks `options.title` in a modal dialog; resolves true only if the user confirmed. */
export function confirmAction(options: ConfirmOptions): Promise<boolean> {
  const dialog = document.createElement('mq-confirm-dialog');
  dialog.options = options;
  document.body.append(dialog);
  return dialog.ask();
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-confirm-dialog': MqConfirmDialog;
  }
}
