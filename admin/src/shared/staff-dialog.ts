import { LitElement, css, html, type TemplateResult } from 'lit';
import { query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { baseStyles } from '../../../common/web/shared-styles';
import { staffButtonStyles } from './staff-buttons';

/**
 * The look every staff modal shares: a raised card on the page's surface over a dimmed page, a heading, and the
 * buttons at the bottom right. Each dialog adds only its width and what is its own.
 */
export const dialogStyles = css`
  dialog {
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
  dialog h2 {
    margin: 0 0 0.6rem;
    font-size: 1.25rem;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: 0.6rem;
  }
`;

/** How {@link StaffDialog.frame} labels and wires its `<dialog>`. */
export interface DialogFrame {
  /** The heading's id, which names the dialog. */
  id: string;
  heading: unknown;
  /** The id of the text that says what the dialog is about, if any. */
  describedBy?: string;
  onClose?: () => void;
}

/**
 * The base of the staff panel's own modal dialogs (confirm, transfer, read reason): a native `<dialog>` shown with
 * `showModal()`, so focus stays in it, Escape cancels, screen readers announce it and the page's one-key shortcuts
 * keep out of it. Subclasses render their content through `frame` and open it with `showDialog`.
 */
export abstract class StaffDialog extends LitElement {
  static styles = [baseStyles, staffButtonStyles, dialogStyles];

  @query('dialog') protected dialog!: HTMLDialogElement;

  /** Closes the dialog if it is open. */
  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  /** Shows the dialog once it has rendered (a no-op if it is already open). */
  protected async showDialog(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** The `<dialog>` with its heading, then `content`. */
  protected frame(frame: DialogFrame, content: TemplateResult): TemplateResult {
    return html`<dialog aria-labelledby=${frame.id} aria-describedby=${ifDefined(frame.describedBy)} @close=${() => frame.onClose?.()}>
      <h2 id=${frame.id}>${frame.heading}</h2>
      ${content}
    </dialog>`;
  }
}
