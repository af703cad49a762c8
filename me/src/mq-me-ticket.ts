import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { describeTicket, roomIn } from '../../common/ticket-status';
import { baseStyles } from '../../common/web/shared-styles';
import { bookStyles } from '../../book/src/book-styles';
import type { BookLocale } from '../../book/src/locale';
import { meStyles, sectionStyles } from './me-styles';
import { TicketController } from './ticket-controller';

/** Today's ticket, live: the token, where the patient stands or where to go, and the phone ticket page's link. */
@customElement('mq-me-ticket')
export class MqMeTicket extends LitElement {
  static styles = [baseStyles, bookStyles, meStyles, sectionStyles];

  @property({ attribute: false }) locale!: BookLocale;
  @property() token = '';
  @property() code = '';
  private readonly live = new TicketController(this, () => this.code);

  render() {
    const t = this.locale.texts.me;
    const ticket = this.live.ticket;
    const said = ticket ? describeTicket(ticket, this.locale.texts.ticketPage, roomIn(this.locale.texts)) : null;
    return html`<section class="card ticket" aria-labelledby="ticket-title">
      <h2 id="ticket-title">${t.ticketToday}</h2>
      <p class="code">${this.token}</p>
      <p role="status" aria-live="polite">${said ? html`<strong>${said.headline}</strong> ${said.detail}` : ''}</p>
      <a class="button" href="/t/${this.code}">${t.openTicket}</a>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-me-ticket': MqMeTicket;
  }
}
