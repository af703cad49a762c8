import { WebhookReceiver } from './webhook-receiver';

/** One text the fake gateway took: what the server sent, and the token it sent it with. */
export interface ReceivedText {
  to: string;
  text: string;
  authorization: string | undefined;
}

/**
 * A local SMS gateway for tests (an external peer, like a provider's HTTP API): records every text POSTed to it
 * and answers 200. Point SMS_GATEWAY_URL at `url`.
 */
export class FakeSmsGateway extends WebhookReceiver {
  /** The texts received so far, oldest first. */
  texts(): ReceivedText[] {
    return this.received.map(({ headers, body }) => ({ ...(JSON.parse(body) as { to: string; text: string }), authorization: headers.authorization }));
  }

  /** Resolves with the texts once `count` have arrived; fails loudly after `timeoutMs`. */
  async waitForTexts(count: number, timeoutMs = 10_000): Promise<ReceivedText[]> {
    await this.waitFor(count, timeoutMs);
    return this.texts();
  }
}
