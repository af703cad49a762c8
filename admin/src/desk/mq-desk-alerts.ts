import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReceptionAlert } from '../../../common/kiosk';
import { baseStyles } from '../../../common/web/shared-styles';
import { clockTime, STATUS_LABELS } from './desk-format';
import { staffButtonStyles } from '../shared/staff-buttons';

/**
 * Emergency check-ins raised at the kiosk, at the top of the desk in red: token, department, what the patient typed
 * and when. Each has "Seen", which fires `alert-seen` with the entry id; the desk keeps the list (one per entry).
 */
@customElement('mq-desk-alerts')
export class MqDeskAlerts extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      ul {
        display: grid;
        gap: 0.75rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem 1.5rem;
        padding: 1rem 1.25rem;
        border-left: 8px solid var(--mq-color-danger);
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-danger-soft);
        color: var(--mq-color-text);
      }
      .headline {
        font-size: 1.25rem;
        font-weight: 700;
        color: var(--mq-color-danger);
      }
      .token {
        font-size: 1.6rem;
        font-weight: 800;
      }
      .detail {
        margin-top: 0.2rem;
      }
      button {
        border-color: var(--mq-color-danger);
        color: var(--mq-color-danger);
      }
    `,
  ];

  /** Open alerts, oldest first. */
  @property({ attribute: false }) alerts: ReceptionAlert[] = [];

  render() {
    if (!this.alerts.length) return nothing;
    return html`<section role="region" aria-label="Emergency alerts">
      <ul>
        ${this.alerts.map(
          (a) => html`<li data-entry=${a.entryId}>
            <div role="alert">
              <div class="headline">Emergency at the kiosk: <span class="token">${a.token}</span></div>
              <div class="detail">
                ${a.department.name} · checked in ${clockTime(a.checkedInAt)} · ${STATUS_LABELS[a.status] ?? a.status}
                ${a.firstName ? html` · name given: <strong>${a.firstName}</strong>` : nothing}
                ${a.phone ? html` · phone <strong>${a.phone}</strong>` : nothing}
              </div>
              <div class="detail">The patient was told to come to the desk now.</div>
            </div>
            <button type="button" aria-label="Seen: emergency ${a.token}" @click=${() => this.seen(a.entryId)}>Seen</button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private seen(entryId: number): void {
    this.dispatchEvent(new CustomEvent('alert-seen', { detail: entryId, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-desk-alerts': MqDeskAlerts;
  }
}
