import type { Logger } from '../logger';
import type { SmsGateway } from '../notices/sms';
import type { PatientMessage, PatientNotifier } from './notifier';

/**
 * Sends the dashboard's sign-in codes to phones through the clinic's SMS gateway (issue 17: "through the same SMS
 * gateway interface as other notices"). A message without a phone goes to `other` (the log, or an email adapter).
 */
export class SmsNotifier implements PatientNotifier {
  constructor(
    private readonly gateway: SmsGateway,
    private readonly other: PatientNotifier,
    private readonly logger: Logger,
  ) {}

  async send(message: PatientMessage): Promise<void> {
    if (!message.to.phone) return this.other.send(message);
    try {
      await this.gateway.send({ to: message.to.phone, text: message.text, language: message.language, kind: message.kind });
    } catch (error) {
      // Asking for a code answers the same whether or not an account exists; a failed send must not tell either.
      this.logger.error({ err: error, notice: message.kind }, 'the SMS gateway did not take a sign-in code');
    }
  }
}
