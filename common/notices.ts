/** How a notice reaches a waiting patient (issue 16). */
export type NoticeChannel = 'push' | 'sms';

/**
 * What `GET /api/tickets/:code/notices` (and a successful POST) answers: which ways of being told the clinic offers
 * for this ticket, the key a browser subscribes to push with, and which are on.
 */
export interface TicketNoticesView {
  push: { available: boolean; publicKey: string };
  /** Offered when the clinic has an SMS gateway and a phone was typed at the kiosk for this ticket. */
  sms: { available: boolean };
  on: NoticeChannel[];
}

/** The body of `POST /api/tickets/:code/notices`. `language` is the page's; the ticket's own otherwise. */
export type NoticeRequest =
  | { channel: 'push'; subscription: { endpoint: string; keys: { p256dh: string; auth: string }; expirationTime?: number | null }; language?: string }
  | { channel: 'sms'; language?: string };
