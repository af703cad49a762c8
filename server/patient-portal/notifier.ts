import type { Logger } from '../logger';

/** Where a message to a patient goes: a phone (E.164) for SMS, an email address, or both. */
export interface PatientAddress {
  phone?: string | null;
  email?: string | null;
}

/**
 * One message to a patient, already in their language; `kind` lets an adapter choose a template or sender:
 * a sign-in code, or a code that checks an email address the patient is adding to their account.
 */
export interface PatientMessage {
  to: PatientAddress;
  kind: 'sign_in_code' | 'email_check';
  language: string;
  text: string;
}

/**
 * Sends a message to a patient. Provider-neutral on purpose: the SMS gateway and SMTP adapters implement
 * this one method, and the sign-in code never knows which one is plugged in.
 */
export interface PatientNotifier {
  send(message: PatientMessage): Promise<void>;
}

/**
 * The development notifier: prints each message to the server's log (so the demo works offline and the code can be
 * read there). Under tests it also keeps the last messages in `outbox`, so a test reads the code it was sent.
 */
export class LogNotifier implements PatientNotifier {
  /** The latest messages, newest last; filled only when `keep` is set (tests), never in production. */
  readonly outbox: PatientMessage[] = [];

  constructor(
    private readonly logger: Logger,
    private readonly keep = false,
  ) {}

  async send(message: PatientMessage): Promise<void> {
    this.logger.warn({ notice: message.kind, to: message.to, language: message.language }, `Message to patient (development notifier): ${message.text}`);
    if (!this.keep) return;
    this.outbox.push(message);
    if (this.outbox.length > 50) this.outbox.shift();
  }
}
