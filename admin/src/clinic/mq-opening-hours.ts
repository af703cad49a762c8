import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { OpeningInterval } from '../../../common/admin';
import type { FieldError } from '../../../common/errors';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** The API takes at most 21 intervals: three a day. */
const MAX_PER_DAY = 3;

/**
 * The clinic's opening hours per weekday: none (closed) or up to three intervals a day (a lunch break makes two).
 * Fires `hours-change` with the whole list, in weekday order, after every change. `errors` are the server's field
 * errors under `openingHours.weekly`, shown by the interval they name.
 */
@customElement('mq-opening-hours')
export class MqOpeningHours extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .day {
        display: grid;
        grid-template-columns: 8rem minmax(0, 1fr);
        gap: 0.75rem;
        align-items: start;
        padding: 0.6rem 0;
        border-bottom: 1px solid var(--mq-color-border);
      }
      .name {
        padding-top: 0.55rem;
        font-weight: 600;
      }
      .intervals {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      .interval,
      .closed {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
      }
      .closed {
        color: var(--mq-color-text-muted);
        min-height: 2.6rem;
      }
      .interval label {
        font-weight: 500;
      }
      button {
        min-height: 2.2rem;
        padding: 0.25rem 0.7rem;
        font-size: 0.9rem;
      }
    `,
  ];

  /** The intervals, any order. */
  @property({ attribute: false }) value: OpeningInterval[] = [];
  /** The server's field errors for `openingHours.weekly.<index>.<field>`, by the index in `value`'s weekday order. */
  @property({ attribute: false }) errors: FieldError[] = [];

  render() {
    const sorted = this.sorted();
    // With no hours at all, nothing says the clinic is shut: the hours are simply not entered yet.
    const none = sorted.length ? 'Closed' : 'Not set';
    return html`${WEEKDAYS.map((name, i) => {
      const weekday = i + 1;
      const today = sorted.map((o, index) => ({ o, index })).filter(({ o }) => o.weekday === weekday);
      return html`<div class="day" role="group" aria-label=${name}>
        <div class="name">${name}</div>
        <div class="intervals">
          ${today.length
            ? today.map(({ o, index }) => this.renderInterval(name, o, index))
            : html`<div class="closed">${none}
                <button type="button" aria-label=${`Add opening hours on ${name}`} @click=${() => this.add(weekday)}>Add opening hours</button></div>`}
          ${today.length && today.length < MAX_PER_DAY
            ? html`<div><button type="button" aria-label=${`Add hours on ${name}`} @click=${() => this.add(weekday)}>Add hours</button></div>`
            : nothing}
        </div>
      </div>`;
    })}`;
  }

  private renderInterval(day: string, o: OpeningInterval, index: number) {
    const id = `h${index}`;
    const message = this.errors.find((e) => e.path.startsWith(`openingHours.weekly.${index}.`) || e.path === `openingHours.weekly.${index}`)?.message;
    return html`<div class="interval">
        <label for=${`${id}-opens`}><span class="visually-hidden">${day}</span> opens</label>
        <input id=${`${id}-opens`} type="time" .value=${o.opens} @change=${(e: Event) => this.edit(index, 'opens', e)} />
        <label for=${`${id}-closes`}><span class="visually-hidden">${day}</span> closes</label>
        <input id=${`${id}-closes`} type="time" .value=${o.closes} aria-describedby=${`${id}-error`} @change=${(e: Event) => this.edit(index, 'closes', e)} />
        <button type="button" aria-label=${`Remove ${day} ${o.opens}–${o.closes}`} @click=${() => this.removeInterval(index)}>Remove</button>
      </div>
      ${message ? html`<span class="field-error" id=${`${id}-error`}>${message}</span>` : nothing}`;
  }

  /** The intervals in weekday and opening order: the order they are sent in, so field error indexes match. */
  private sorted(): OpeningInterval[] {
    return [...this.value].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
  }

  private add(weekday: number): void {
    const sameDay = this.value.filter((o) => o.weekday === weekday);
    const after = sameDay.map((o) => o.closes).sort().at(-1);
    const next: OpeningInterval = after ? { weekday, opens: after < '18:00' ? after : '18:00', closes: '20:00' } : { weekday, opens: '08:00', closes: '18:00' };
    this.emit([...this.value, next]);
  }

  private edit(index: number, key: 'opens' | 'closes', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.emit(this.sorted().map((o, i) => (i === index ? { ...o, [key]: value } : o)));
  }

  private removeInterval(index: number): void {
    this.emit(this.sorted().filter((_, i) => i !== index));
  }

  /** Sends the list sorted, so the indexes of the server's field errors are the indexes shown. */
  private emit(list: OpeningInterval[]): void {
    const value = [...list].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
    this.dispatchEvent(new CustomEvent('hours-change', { detail: value, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-opening-hours': MqOpeningHours;
  }
}
