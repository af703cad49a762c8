import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { GenerationResult } from '../../../common/admin';
import { formatDay, formatInstant } from '../shared/clinic-format';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What a generation run did, in a sentence a receptionist can read. */
export function describeGeneration(result: GenerationResult): string {
  const parts = [
    `${count(result.created, 'slot')} added`,
    `${count(result.removed, 'free slot')} removed`,
    `${count(result.alreadyPresent, 'slot')} kept as they were`,
  ];
  if (result.withdrawn) parts.push(`${count(result.withdrawn, 'slot')} withdrawn (kept for cancelled bookings, never offered again)`);
  if (result.overlapping) parts.push(`${count(result.overlapping, 'new slot')} left out because a booked slot is in the way`);
  const span = result.fromDay === result.toDay ? formatDay(result.fromDay) : `${formatDay(result.fromDay)} to ${formatDay(result.toDay, 'long')}`;
  return `${span}: ${parts.join(', ')}.`;
}

/**
 * The outcome of a slot generation (the "Generate slots" button, or days off that regenerated their days): the
 * counts in words, and the booked appointments that no longer fit the schedule, to be moved by the desk.
 */
@customElement('mq-generation-result')
export class MqGenerationResult extends LitElement {
  static styles = [
    baseStyles,
    panelStyles,
    css`
      :host {
        display: block;
        margin-top: 1rem;
      }
      .move {
        margin-top: 0.75rem;
        padding: 0.8rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-warning-soft);
        color: var(--mq-color-warning);
      }
      .move h3 {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
      .move ul {
        margin: 0;
        padding-inline-start: 1.2rem;
        color: var(--mq-color-text);
      }
      code {
        font-weight: 700;
        letter-spacing: 0.05em;
      }
    `,
  ];

  @property({ attribute: false }) result: GenerationResult | null = null;
  /** The clinic's zone, for the appointments' times. */
  @property() zone = 'UTC';

  render() {
    const result = this.result;
    if (!result) return nothing;
    const toMove = result.appointmentsToMove;
    return html`<p class="ok" role="status">${describeGeneration(result)}</p>
      ${toMove.length
        ? html`<section class="move" role="alert" aria-labelledby="move-title">
            <h3 id="move-title">${count(toMove.length, 'booked appointment')} to move</h3>
            <p>These bookings fall outside the doctor's schedule now. Call the patients and reschedule them in Appointments.</p>
            <ul>
              ${toMove.map(
                (a) => html`<li>
                  ${formatInstant(a.startsAt, this.zone)}: ${a.patient.fullName}${a.patient.phone ? `, ${a.patient.phone}` : ''}
                  (booking <code>${a.bookingCode}</code>)
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-generation-result': MqGenerationResult;
  }
}
