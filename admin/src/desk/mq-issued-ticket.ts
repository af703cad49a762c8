import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TicketView } from '../../../common/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/**
 * The ticket the desk has just issued, large enough to read out across the counter: token, department, doctor and
 * room, place in line and estimated wait, with "Print ticket" (the 80 mm printable page, in a new tab) and "Done"
 * (fires `ticket-closed`).
 */
@customElement('mq-issued-ticket')
export class MqIssuedTicket extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .ticket {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 1rem 2rem;
        padding: 1.25rem 1.5rem;
        border: 2px solid var(--mq-color-primary);
        border-radius: var(--mq-radius);
        background: var(--mq-color-primary-soft);
      }
      .token {
        font-size: clamp(3rem, 6vw, 4.5rem);
        font-weight: 800;
        line-height: 1;
        letter-spacing: 0.02em;
        color: var(--mq-color-primary-strong);
      }
      .label {
        margin: 0 0 0.3rem;
        font-size: 0.85rem;
        font-weight: 600;
        text-transform: uppercase;
        color: var(--mq-color-text-muted);
      }
      p {
        margin: 0.15rem 0;
      }
      .actions {
        margin-top: 0.75rem;
      }
    `,
  ];

  /** The ticket to show. */
  @property({ attribute: false }) ticket!: TicketView;

  render() {
    const t = this.ticket;
    return html`<section class="ticket" aria-labelledby="issued-title">
      <div>
        <p class="label" id="issued-title">Ticket issued</p>
        <div class="token" aria-label="Token ${t.token}">${t.token}</div>
      </div>
      <div>
        <p><strong>${t.department.name}</strong></p>
        <p>${t.doctor ? `${t.doctor.name} · ${t.doctor.room}` : 'Any doctor'}</p>
        ${t.position !== null
          ? html`<p>Number ${t.position} in line${t.etaMinutes ? html` · about ${t.etaMinutes} min` : nothing}</p>`
          : nothing}
        <div class="actions">
          <a class="button primary" href="/t/${encodeURIComponent(t.publicCode)}/print" target="_blank" rel="noopener">Print ticket</a>
          <button type="button" @click=${this.close}>Done</button>
        </div>
      </div>
    </section>`;
  }

  private readonly close = (): void => {
    this.dispatchEvent(new CustomEvent('ticket-closed', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-issued-ticket': MqIssuedTicket;
  }
}
