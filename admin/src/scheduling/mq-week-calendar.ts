import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CalendarDay, CalendarSlot, WeekCalendar } from '../../../common/admin';
import { formatDay, formatDayHeading } from '../shared/clinic-format';
import { baseStyles } from '../../../common/web/shared-styles';

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
      /* Weekday and date on lines of their own: every heading is two lines high, so none is cut and the rows below
         start level in every column. */
      .day h3 span {
        display: block;
        white-space: nowrap;
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
      /* One height for every slot and for the gaps between them, so the rows of the week line up. */
      .day li,
      .day button {
        height: 4.1rem;
      }
      .off,
      .none {
        height: 2.2rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        box-sizing: border-box;
      }
      button {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        justify-content: center;
        width: 100%;
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
      /*
       * A name cut short shows in full while the slot is pointed at or has the keyboard's focus: a copy of the slot
       * with the whole name is drawn over it and the slot below. It takes no pointer events, so a click still lands on
       * the slot that is really there.
       */
      .day button {
        position: relative;
      }
      .full {
        display: none;
        position: absolute;
        inset: -1.5px auto auto -5px;
        z-index: 2;
        box-sizing: border-box;
        width: calc(100% + 6.5px);
        min-width: 9rem;
        min-height: calc(100% + 3px);
        padding: 0.3rem 0.55rem 0.4rem;
        border: 1.5px solid var(--mq-color-primary-strong);
        border-inline-start-width: 5px;
        border-radius: 8px;
        background: var(--mq-color-primary);
        box-shadow: var(--mq-shadow-raised);
        pointer-events: none;
        overflow-wrap: anywhere;
      }
      .full .name {
        display: block;
        font-size: 0.85rem;
      }
      .day button:hover .full,
      .day button:focus-visible .full {
        display: block;
      }
      .week {
        padding-bottom: 2rem;
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
    // Every start time of the week, in order: each day has a row for each, empty where it has no slot, so a time
    // sits on the same line in every column.
    const times = [...new Set(this.calendar.days.flatMap((d) => d.slots.map((s) => s.start)))].sort();
    const notes = this.calendar.days.some((d) => d.exception || !d.slots.length);
    return html`<div class="week">${this.calendar.days.map((day) => this.renderDay(day, times, notes))}</div>
      <ul class="legend" aria-label="Key">
        <li><span style="background: var(--mq-color-success-soft); border: 2px solid var(--mq-color-success)"></span>Free: press to book</li>
        <li><span style="background: var(--mq-color-primary)"></span>Booked: press to open</li>
        <li><span style="background: var(--mq-color-border)"></span>Blocked or day off</li>
      </ul>`;
  }

  private renderDay(day: CalendarDay, times: string[], notes: boolean) {
    const title = formatDay(day.date, 'short');
    const heading = formatDayHeading(day.date);
    const byTime = new Map<string, CalendarSlot[]>();
    for (const slot of day.slots) byTime.set(slot.start, [...(byTime.get(slot.start) ?? []), slot]);
    return html`<section class="day ${day.date === this.today ? 'today' : ''}" aria-label=${formatDay(day.date, 'long')}>
      <h3><span>${heading.weekday}</span> <span>${heading.date}${day.date === this.today ? html`<span class="visually-hidden"> (today)</span>` : nothing}</span></h3>
      ${day.exception
        ? html`<p class="off" title=${day.exception.reason ?? nothing}>Day off${day.exception.reason ? `: ${day.exception.reason}` : ''}</p>`
        : !day.slots.length
          ? html`<p class="none">No slots</p>`
          : notes
            ? html`<p class="none" aria-hidden="true"></p>`
            : nothing}
      <ul>
        ${times.flatMap((time) => byTime.get(time) ?? [null]).map((slot) => {
          if (!slot) return day.slots.length ? html`<li class="gap" aria-hidden="true"></li>` : nothing;
          const words = slotWords(slot);
          return html`<li>
            <button
              type="button"
              data-status=${slot.status}
              ?data-past=${slot.past}
              aria-pressed=${slot.id === this.selectedId ? 'true' : 'false'}
              title=${slot.status === 'booked' ? `${slot.start} ${slot.appointment?.patient.fullName ?? ''}` : nothing}
              ?disabled=${slot.past && slot.status !== 'booked'}
              @click=${() => this.select(slot, day)}
            >
              <!-- The name is the button's own text (the day hidden, a cut name complete), so what is seen is what is
                   said: "Mon 7 Dec 09:00 Booked · Ama Darko". -->
              <span class="visually-hidden">${title} </span><span class="time">${slot.start} </span>
              ${slot.status === 'booked'
                ? html`<span class="what">Booked<span class="visually-hidden"> ·</span> </span><span class="who">${slot.appointment?.patient.fullName}</span>
                    <span class="full" aria-hidden="true"><span class="time">${slot.start}</span><span class="name">Booked · ${slot.appointment?.patient.fullName}</span></span>`
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
