import type { PatientMessage } from '../patient-portal/notifier';
import type { Config } from '../config';

/** What a text is about: a gateway may pick a sender name or template by it. */
export type SmsKind = 'third_in_line' | 'called' | PatientMessage['kind'];

/** One text to one phone, already in the patient's language. */
export interface SmsMessage {
  /** The phone in international form (+ and digits). */
  to: string;
  text: string;
  language: string;
  kind: SmsKind;
}

/**
 * Sends texts. Provider-neutral (issue 16): one adapter per provider implements `send`, which resolves once the
 * gateway accepted the text and throws when it did not (`retryable` tells the caller whether trying later may help).
 */
export interface SmsGateway {
  send(message: SmsMessage): Promise<void>;
}

/** A gateway's refusal or silence. */
export class SmsError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}

/** A phone as typed at the kiosk ("+44 7700 900123") in the form gateways take ("+447700900123"). */
export function gatewayPhone(phone: string): string {
  return phone.replace(/[^\d+]/g, '');
}

/**
 * The one adapter: POSTs JSON `{ to, text }` to SMS_GATEWAY_URL with `Authorization: Bearer <SMS_GATEWAY_TOKEN>`; any
 * 2xx is accepted. Most HTTP SMS providers take this shape directly, or through a few lines of relay.
 */
export class HttpSmsGateway implements SmsGateway {
  constructor(
    private readonly url: string,
    private readonly token: string | null,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ to: gatewayPhone(message.to), text: message.text }),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new SmsError(`SMS gateway unreachable: ${(error as Error).message}`, true);
    }
    await response.body?.cancel();
    if (response.status < 200 || response.status >= 300) {
      // The gateway's own trouble may pass; a refusal of the request (bad number, bad token) will not.
      throw new SmsError(`SMS gateway answered HTTP ${response.status}`, response.status >= 500 || response.status === 429);
    }
  }
}

/** The clinic's gateway from SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN, or null when none is set up. */
export function smsGatewayFrom(config: Pick<Config, 'smsGatewayUrl' | 'smsGatewayToken'>): SmsGateway | null {
  return config.smsGatewayUrl ? new HttpSmsGateway(config.smsGatewayUrl, config.smsGatewayToken) : null;
}
