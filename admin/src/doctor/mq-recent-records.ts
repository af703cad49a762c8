import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { StaffQueueEntry } from '../../../common/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import type { RecordSignedEvent } from '../shared/events';
import './mq-consultation-record';

/** A visit whose record was closed because its patient left the queue card. */
export interface RecentRecord {
  entry: StaffQueueEntry;
  signed: boolean;
  /** When the link goes (ms since the epoch); an unsigned record's link stays until it is signed. */
  until: number | null;
}

/** How long the "Signed: ..." link stays after sign-off. */
export const SIGNED_LINK_MS = 60_000;

/**
 * The records of patients who have left the doctor's queue card, as short links under it ("Signed: G-004, Elena
 * Petrova — open"), so the record on the page is always the current patient's. A link opens that record in a
 * dialog: read-only when signed, or to sign a visit completed before its record was signed. Signed links go after
 * a minute.
 */
@customElement('mq-recent-records')
export class MqRecentRecords extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0.75rem 0 0;
        padding: 0;
        list-style: none;
      }
      button.link {
        min-height: 2.4rem;
        padding: 0.3rem 0.8rem;
      }
      button.unsigned {
        border-color: var(--mq-color-danger);
        color: var(--mq-color-danger);
      }
      dialog {
        width: min(70rem, 95vw);
        max-height: 92vh;
        padding: 0;
        border: none;
        border-radius: var(--mq-radius);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 45%);
      }
      .bar {
        display: flex;
        justify-content: flex-end;
        padding: 0.75rem 1rem 0;
      }
    `,
  ];

  /** The links to show, newest first. */
  @property({ attribute: false }) items: RecentRecord[] = [];
  /** The signed-in doctor (the record keeps unsaved edits under their id). */
  @property({ type: Number }) userId = 0;
  /** Now, from the console's clock: expired links are not drawn. */
  @property({ type: Number }) now = Date.now();

  @state() private opened: RecentRecord | null = null;
  @query('dialog') private dialog!: HTMLDialogElement;

  render() {
    const shown = this.items.filter((i) => i.until === null || i.until > this.now);
    return html`${shown.length
        ? html`<ul aria-label="Records of patients who left">
            ${shown.map(
              (item) => html`<li>
                <button type="button" class="link ${item.signed ? '' : 'unsigned'}" @click=${() => this.open(item)}>
                  ${item.signed ? 'Signed' : 'Not signed yet'}: ${item.entry.token}, ${item.entry.patient?.fullName ?? 'walk-in'} — open
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      <dialog aria-label=${this.opened ? `${this.opened.signed ? 'Signed record' : 'Record to sign'} · ${this.opened.entry.token}` : 'Record'} @close=${() => (this.opened = null)}>
        <div class="bar"><button type="button" @click=${() => this.dialog.close()}>Close</button></div>
        ${this.opened
          ? html`<mq-consultation-record .entry=${this.opened.entry} .userId=${this.userId} @record-signed=${this.onSigned}></mq-consultation-record>`
          : nothing}
      </dialog>`;
  }

  private async open(item: RecentRecord): Promise<void> {
    this.opened = item;
    await this.updateComplete;
    this.dialog.showModal();
  }

  /** A completed visit signed from the dialog: the dialog says so; the event goes on to the console, which owns the links. */
  private readonly onSigned = (event: RecordSignedEvent): void => {
    if (this.opened?.entry.id === event.detail.completed.id) this.opened = { ...this.opened, signed: true };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-recent-records': MqRecentRecords;
  }
}
