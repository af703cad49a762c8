import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { baseStyles } from '../../../common/web/shared-styles';
import { staffButtonStyles } from './staff-buttons';

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
export class MqConfirmDialog extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      dialog {
        max-width: 30rem;
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
        margin: 0 0 1.25rem;
        color: var(--mq-color-text-muted);
        line-height: 1.5;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 0.6rem;
      }
      button.danger {
        border-color: var(--mq-color-danger);
        background: var(--mq-color-danger);
        color: #fff;
      }
    `,
  ];

  @property({ attribute: false }) options!: ConfirmOptions;
  @query('dialog') private dialog!: HTMLDialogElement;

  render() {
    const { title, message, confirmLabel, cancelLabel = 'Keep it', danger } = this.options;
    return html`<dialog aria-labelledby="title" @close=${this.onClose}>
      <h2 id="title">${title}</h2>
      <p>${message}</p>
      <form method="dialog" class="buttons">
        <button value="no" autofocus>${cancelLabel}</button>
        <button value="yes" class=${danger ? 'danger' : 'primary'}>${confirmLabel}</button>
      </form>
    </dialog>`;
  }

  /** Opens the dialog; resolves true when the confirming button was pressed. */
  async ask(): Promise<boolean> {
    await this.updateComplete;
    this.dialog.showModal();
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
