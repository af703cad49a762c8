import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PublicDoctor, PublicSlot } from '../../common/booking';
import { baseStyles } from '../../common/web/shared-styles';

/**
 * The free times of one day: each a button showing the time (and the doctor, when the patient left the choice
 * open). The button's name is its visible text, so what a patient sees is what a screen reader or voice control
 * calls it; the day is the heading above the list. Fires `slot-pick` with the slot.
 */
@customElement('mq-slot-list')
export class MqSlotList extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 6.5rem), 1fr));
        gap: 0.5rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      button {
        width: 100%;
        min-height: 3rem;
        padding: 0.4rem 0.5rem;
        border: 1.5px solid var(--mq-color-primary);
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-surface);
        color: var(--mq-color-primary-strong);
        font: inherit;
        font-weight: 700;
        cursor: pointer;
      }
      button small {
        display: block;
        overflow: hidden;
        color: var(--mq-color-text-muted);
        font-weight: 400;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      button:hover {
        background: var(--mq-color-primary-soft);
      }
    `,
  ];

  @property({ attribute: false }) slots: PublicSlot[] = [];
  /** Doctors by id, to name each slot's doctor when several are shown. */
  @property({ attribute: false }) doctors = new Map<number, PublicDoctor>();
  @property({ type: Boolean }) showDoctor = false;

  render() {
    return html`<ul>
      ${this.slots.map((slot) => {
        const doctor = this.showDoctor ? this.doctors.get(slot.doctorId)?.name : undefined;
        return html`<li>
          <button type="button" data-slot=${slot.id} @click=${() => this.dispatchEvent(new CustomEvent('slot-pick', { detail: slot, bubbles: true, composed: true }))}>
            ${slot.start}${doctor ? html`<small dir="auto">${doctor}</small>` : nothing}
          </button>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-slot-list': MqSlotList;
  }
  interface GlobalEventHandlersEventMap {
    /** Fired by `mq-slot-list` with the time the patient chose. */
    'slot-pick': CustomEvent<PublicSlot>;
  }
}
