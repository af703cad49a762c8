/** Webhooks (issue 16): the events, and the admin API's shapes. */

/** Every event a hook may subscribe to. */
export const WEBHOOK_EVENTS = ['ticket.created', 'ticket.called', 'visit.completed', 'record.signed', 'appointment.booked', 'appointment.cancelled'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** One hook as the admin panel lists it (the secret only once, at creation). */
export interface WebhookView {
  id: number;
  url: string;
  events: WebhookEvent[];
  /** Gets patient ids and clinical data; otherwise only public-safe fields. */
  clinical: boolean;
  active: boolean;
  /** The last delivery attempt's outcome ("200", "HTTP 500", "timeout"), or null before the first. */
  lastStatus: string | null;
  lastAttemptAt: string | null;
  /** Deliveries still waiting to go out (first tries and retries). */
  pending: number;
}

/** GET /api/webhooks */
export interface WebhookListResponse {
  webhooks: WebhookView[];
}

/** POST /api/webhooks */
export interface CreateWebhookRequest {
  url: string;
  events: WebhookEvent[];
  clinical?: boolean;
}

/** The answer to POST /api/webhooks: the signing secret, shown once. */
export interface CreatedWebhookResponse {
  webhook: WebhookView;
  secret: string;
}

/** What every delivery's JSON body holds. */
export interface WebhookEnvelope {
  /** The outbox row's id: the same on every retry, so a receiver can drop duplicates. */
  id: number;
  event: WebhookEvent;
  occurredAt: string;
  data: Record<string, unknown>;
}
