import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { StaffQueueEntry } from '../../../common/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import '../shared/events';
import { formatTime as time } from '../shared/clinic-format';

const PRIORITY_LABELS: Record<string, string> = { emergency: 'Emergency', priority: 'Priority', normal: 'Normal' };

/**
 * The doctor console's lists: everyone waiting for this doctor (token, name, age, priority, appointment or walk-in,
 * time waiting, estimate), each with a "Call" button to call that token out of order, and the day's no-shows
 * ("Missed"), each with "Return" to put them back in the queue at their original place. Fires `entry-step` with the
 * entry and the step; the console sends it. ArrowUp/ArrowDown move between the Call buttons.
 */
@customElement('mq-doctor-waiting')
export class MqDoctorWaiting extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 1rem;
        font-size: 1.4rem;
      }
      h3 {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.1rem;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td:first-child {
        white-space: nowrap;
      }
      th,
      td {
        padding: 0.5rem 0.3rem;
        border-bottom: 1px solid var(--mq-color-border);
        text-align: start;
        vertical-align: top;
      }
      th {
        font-size: 0.85rem;
        color: var(--mq-color-text-muted);
      }
      .muted {
        color: var(--mq-color-text-muted);
      }
      .badge {
        display: inline-block;
        padding: 0.1rem 0.5rem;
        border-radius: var(--mq-radius-sm);
        font-size: 0.85rem;
        font-weight: 700;
      }
      .badge.emergency {
        background: var(--mq-color-danger);
        color: #fff;
      }
      .badge.priority {
        background: var(--mq-color-warning-soft);
        color: var(--mq-color-warning);
      }
      tr.emergency {
        background: var(--mq-color-danger-soft);
      }
      kbd {
        padding: 0 0.35rem;
        border: 1px solid currentColor;
        border-radius: 4px;
        font: inherit;
        font-size: 0.8rem;
        opacity: 0.8;
      }
      button {
        min-height: 2.2rem;
        padding: 0.3rem 0.75rem;
      }
    `,
  ];

  @property({ attribute: false }) waiting: StaffQueueEntry[] = [];
  @property({ attribute: false }) missed: StaffQueueEntry[] = [];
  /** False while a patient is called or in consultation: calling another would be refused (doctor_busy). */
  @property({ type: Boolean }) canCall = false;
  /** For "time waiting", refreshed by the console. */
  @property({ type: Number }) now = Date.now();

  /** Puts the focus on the first Call button (key K), so the doctor can pick a token with the arrows and Enter. */
  focusCall(): boolean {
    const button = this.renderRoot.querySelector<HTMLButtonElement>('button.call:not(:disabled)');
    button?.focus();
    return !!button;
  }

  render() {
    return html`
      <h2 id="waiting-title">Waiting (${this.waiting.length})</h2>
      ${this.waiting.length
        ? html`<div class="scroll"><table aria-labelledby="waiting-title" @keydown=${this.onArrows}>
            <thead><tr><th>Token</th><th>Patient</th><th>Priority</th><th>Waiting</th><th>ETA</th><th><span class="muted">Call <kbd>K</kbd></span></th></tr></thead>
            <tbody>${this.waiting.map((e) => this.renderWaiting(e))}</tbody>
          </table></div>`
        : html`<p class="muted">Nobody is waiting.</p>`}
      ${this.missed.length
        ? html`<h3 id="missed-title">Missed (${this.missed.length})</h3>
            <table aria-labelledby="missed-title">
              <tbody>
                ${this.missed.map(
                  (e, index) => html`<tr>
                    <td><strong>${e.token}</strong></td>
                    <td>${e.patient?.fullName ?? 'Unregistered'}<div class="muted">No-show${e.calledAt ? ` · called ${time(e.calledAt)}` : ''}</div></td>
                    <td>
                      <button type="button" aria-label=${`Return ${e.token} to the queue`} aria-keyshortcuts=${index === 0 ? 'U' : nothing} @click=${() => this.step(e, 'return_to_queue')}>
                        Return${index === 0 ? html` <kbd>U</kbd>` : nothing}
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>`
        : nothing}
    `;
  }

  private renderWaiting(e: StaffQueueEntry) {
    const urgent = e.priority !== 'normal';
    return html`<tr class=${e.priority === 'emergency' ? 'emergency' : ''}>
      <td><strong>${e.token}</strong></td>
      <td>
        ${e.patient?.fullName ?? 'Unregistered'}${e.patient?.age != null ? html` <span class="muted">(${e.patient.age})</span>` : nothing}
        <div class="muted">${e.appointment ? `Appointment ${time(e.appointment.startsAt)}` : 'Walk-in'}</div>
      </td>
      <td>
        ${urgent ? html`<span class="badge ${e.priority}">${PRIORITY_LABELS[e.priority]}</span>` : html`<span class="muted">Normal</span>`}
        ${e.priorityReason ? html`<div class="muted">${e.priorityReason.replace(/_/g, ' ')}</div>` : nothing}
      </td>
      <td>${minutes(this.now - Date.parse(e.checkedInAt))}</td>
      <td>${e.etaMinutes === null ? '–' : `${e.etaMinutes} min`}</td>
      <td>
        <button type="button" class="call" aria-label=${`Call ${e.token}`} ?disabled=${!this.canCall} @click=${() => this.step(e, 'call_token')}>Call</button>
      </td>
    </tr>`;
  }

  private step(entry: StaffQueueEntry, step: 'call_token' | 'return_to_queue'): void {
    this.dispatchEvent(new CustomEvent('entry-step', { detail: { entry, step }, bubbles: true, composed: true }));
  }

  /** Up and down between the Call buttons, so "K, arrows, Enter" picks a token without the mouse. */
  private readonly onArrows = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.call:not(:disabled)')];
    const at = buttons.indexOf(this.renderRoot.querySelector(':focus') as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))].focus();
  };
}

function minutes(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}


declare global {
  interface HTMLElementTagNameMap {
    'mq-doctor-waiting': MqDoctorWaiting;
  }
}
