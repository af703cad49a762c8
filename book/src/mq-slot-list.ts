import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PublicDoctor, PublicSlot } from '../../common/booking';
import { formatDay } from '../../common/web/dates';
import { baseStyles } from '../../common/web/shared-styles';

/**
 * Free times, day by day: each a button with the time (and the doctor, when the patient left the choice open).
 * Fires `slot-pick` with the slot.
 */
@customElement('mq-slot-list')
export class MqSlotList extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      h3 {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
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
    const days = new Map<string, PublicSlot[]>();
    for (const slot of this.slots) days.set(slot.date, [...(days.get(slot.date) ?? []), slot]);
    return html`${[...days].map(
      ([date, slots]) => html`<section aria-label=${formatDay(date)}>
        <h3>${formatDay(date)}</h3>
        <ul>
          ${slots.map((slot) => {
            const doctor = this.showDoctor ? this.doctors.get(slot.doctorId)?.name : undefined;
            return html`<li>
              <button
                type="button"
                aria-label="${formatDay(date)} at ${slot.start}${doctor ? ` with ${doctor}` : ''}"
                @click=${() => this.dispatchEvent(new CustomEvent('slot-pick', { detail: slot, bubbles: true, composed: true }))}
              >
                ${slot.start}${doctor ? html`<small>${doctor}</small>` : nothing}
              </button>
            </li>`;
          })}
        </ul>
      </section>`,
    )}`;
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
