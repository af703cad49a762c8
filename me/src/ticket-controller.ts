import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TicketView } from '../../common/api';
import { RealtimeClient } from '../../common/web/realtime-client';

/**
 * Follows one ticket over the public `ticket:<code>` channel, the phone ticket page's own: connects when the host
 * is shown, closes when it goes, and asks the host to render on each update.
 */
export class TicketController implements ReactiveController {
  /** The latest state of the ticket, null until the first snapshot. */
  ticket: TicketView | null = null;
  private client: RealtimeClient | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly code: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const client = new RealtimeClient();
    client.on('message', (message) => {
      if (message.type !== 'ticket_update') return;
      this.ticket = message.ticket;
      this.host.requestUpdate();
    });
    client.subscribe(`ticket:${this.code()}`);
    client.connect();
    this.client = client;
  }

  hostDisconnected(): void {
    this.client?.dispose();
    this.client = null;
  }
}
