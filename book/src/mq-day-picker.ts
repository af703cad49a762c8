import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../../common/web/shared-styles';
import type { BookLocale } from './locale';

/**
 * The days that have free times, as a row of buttons that wraps on a narrow phone (never wider than the screen):
 * the weekday and date of each, the chosen one pressed. Fires `day-pick` with the day ('YYYY-MM-DD').
 */
@customElement('mq-day-picker')
export class MqDayPicker extends LitElement {
  static styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(5.5rem, 1fr));
        gap: 0.5rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      button {
        display: grid;
        width: 100%;
        min-height: 3.5rem;
        padding: 0.35rem 0.25rem;
        border: 1.5px solid var(--mq-color-border);
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-surface);
        color: var(--mq-color-text);
        font: inherit;
        line-height: 1.2;
        cursor: pointer;
      }
      button[aria-pressed='true'] {
        border-color: var(--mq-color-primary);
        background: var(--mq-color-primary);
        color: var(--mq-color-on-primary);
      }
      .weekday {
        font-weight: 700;
      }
      .date {
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) locale!: BookLocale;
  /** Days with free times, in order. */
  @property({ attribute: false }) days: string[] = [];
  @property() selected = '';

  render() {
    return html`<ul>
      ${this.days.map((day) => {
        const [weekday, ...rest] = this.locale.day(day, 'short').split(' ');
        return html`<li>
          <button type="button" aria-pressed=${String(day === this.selected)} data-day=${day} @click=${() => this.pick(day)}>
            <span class="weekday">${weekday.replace(/,$/, '')}</span><span class="date">${rest.join(' ')}</span>
          </button>
        </li>`;
      })}
    </ul>`;
  }

  private pick(day: string): void {
    this.dispatchEvent(new CustomEvent('day-pick', { detail: day, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-day-picker': MqDayPicker;
  }
  interface GlobalEventHandlersEventMap {
    /** Fired by `mq-day-picker` with the day the patient chose. */
    'day-pick': CustomEvent<string>;
  }
}
