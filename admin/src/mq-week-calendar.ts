import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CalendarDay, CalendarSlot, WeekCalendar } from '../../common/admin';
import { formatDay } from './clinic-format';
import { baseStyles } from '../../common/web/shared-styles';

/** What `slot-select` carries: the slot and its day. */
export interface SlotChoice {
  slot: CalendarSlot;
  day: CalendarDay;
}

/** The words a slot's button says after its time; the state is never told by colour alone. */
export function slotWords(slot: CalendarSlot): string {
  if (slot.status === 'booked') return `Booked · ${slot.appointment?.patient.fullName ?? ''}`;
  if (slot.status === 'blocked') return 'Blocked';
  return slot.past ? 'Free · past' : 'Free';
}

/**
 * One doctor's week, Monday to Sunday: every slot a button saying its time and state (free, booked with the
 * patient's name, blocked), coloured and patterned by state as well. Days off show their reason. Fires
 * `slot-select` with the slot and its day; a free slot in the past cannot be chosen.
 */
@customElement('mq-week-calendar')
export class MqWeekCalendar extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .week {
        display: grid;
        grid-template-columns: repeat(7, minmax(5.5rem, 1fr));
        gap: 0.5rem;
        overflow-x: auto;
      }
      .day {
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
        min-width: 0;
      }
      .day h3 {
        margin: 0;
        padding: 0.4rem 0.3rem;
        border-bottom: 2px solid var(--mq-color-border);
        font-size: 0.95rem;
      }
      .day.today h3 {
        border-color: var(--mq-color-primary);
        color: var(--mq-color-primary);
      }
      .off,
      .none {
        margin: 0;
        padding: 0.5rem 0.3rem;
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
      }
      .off {
        border-radius: var(--mq-radius-sm);
        background: repeating-linear-gradient(45deg, var(--mq-color-surface-alt) 0 6px, var(--mq-color-bg) 6px 12px);
        font-weight: 600;
      }
      ul {
        display: contents;
        list-style: none;
      }
      button {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        width: 100%;
        min-height: 2.9rem;
        padding: 0.3rem 0.55rem;
        border: 1.5px solid var(--mq-color-border);
        border-inline-start-width: 5px;
        border-radius: 8px;
        font: inherit;
        text-align: start;
        cursor: pointer;
      }
      button .time {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      button .what,
      button .who {
        overflow: hidden;
        max-width: 100%;
        font-size: 0.85rem;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      button .who {
        font-weight: 600;
      }
      button[data-status='free'] {
        border-color: var(--mq-color-success);
        background: var(--mq-color-success-soft);
        color: var(--mq-color-success);
      }
      button[data-status='booked'] {
        border-color: var(--mq-color-primary-strong);
        background: var(--mq-color-primary);
        color: var(--mq-color-on-primary);
      }
      button[data-status='blocked'] {
        border-color: var(--mq-color-text-muted);
        background: repeating-linear-gradient(45deg, var(--mq-color-surface-alt) 0 6px, var(--mq-color-border) 6px 8px);
        color: var(--mq-color-text-muted);
      }
      button[data-past] {
        opacity: 0.6;
      }
      button:disabled {
        cursor: not-allowed;
      }
      button[aria-pressed='true'] {
        outline: 3px solid var(--mq-color-accent);
        outline-offset: 1px;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        margin: 0.9rem 0 0;
        padding: 0;
        color: var(--mq-color-text-muted);
        font-size: 0.9rem;
        list-style: none;
      }
      .legend span {
        display: inline-block;
        width: 0.9rem;
        height: 0.9rem;
        margin-inline-end: 0.35rem;
        border-radius: 3px;
        vertical-align: -2px;
      }
    `,
  ];

  @property({ attribute: false }) calendar!: WeekCalendar;
  /** Today in the clinic's zone, marked in the header. */
  @property() today = '';
  /** The slot open beside the calendar. */
  @property({ type: Number }) selectedId = 0;

  render() {
    return html`<div class="week">${this.calendar.days.map((day) => this.renderDay(day))}</div>
      <ul class="legend" aria-label="Key">
        <li><span style="background: var(--mq-color-success-soft); border: 2px solid var(--mq-color-success)"></span>Free: press to book</li>
        <li><span style="background: var(--mq-color-primary)"></span>Booked: press to open</li>
        <li><span style="background: var(--mq-color-border)"></span>Blocked or day off</li>
      </ul>`;
  }

  private renderDay(day: CalendarDay) {
    const title = formatDay(day.date, 'short');
    return html`<section class="day ${day.date === this.today ? 'today' : ''}" aria-label=${formatDay(day.date, 'long')}>
      <h3>${title}${day.date === this.today ? html` <span class="visually-hidden">(today)</span>` : nothing}</h3>
      ${day.exception ? html`<p class="off">Day off${day.exception.reason ? `: ${day.exception.reason}` : ''}</p>` : nothing}
      ${!day.slots.length && !day.exception ? html`<p class="none">No slots</p>` : nothing}
      <ul>
        ${day.slots.map((slot) => {
          const words = slotWords(slot);
          return html`<li>
            <button
              type="button"
              data-status=${slot.status}
              ?data-past=${slot.past}
              aria-pressed=${slot.id === this.selectedId ? 'true' : 'false'}
              aria-label="${title} ${slot.start} ${words}"
              title=${slot.status === 'booked' ? `${slot.start} ${slot.appointment?.patient.fullName ?? ''}` : nothing}
              ?disabled=${slot.past && slot.status !== 'booked'}
              @click=${() => this.select(slot, day)}
            >
              <span class="time">${slot.start}</span>
              ${slot.status === 'booked'
                ? html`<span class="what">Booked</span><span class="who">${slot.appointment?.patient.fullName}</span>`
                : html`<span class="what">${words}</span>`}
            </button>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private select(slot: CalendarSlot, day: CalendarDay): void {
    const detail: SlotChoice = { slot, day };
    this.dispatchEvent(new CustomEvent('slot-select', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-week-calendar': MqWeekCalendar;
  }
}
