import nodemailer, { type Transporter } from 'nodemailer';
import { isLanguage, textsFor } from '../../common/i18n';
import type { Logger } from '../logger';
import type { PatientMessage, PatientNotifier } from './notifier';

/**
 * Sends messages addressed to an email by email, through the clinic's SMTP server (SMTP_URL, SMTP_FROM), with a
 * subject in the patient's language; anything else (a phone) goes to `others` (the log, or an SMS adapter).
 * A failed send is logged, not thrown: asking for a code answers the same whether or not it could be sent, so the
 * sign-in form never tells who has an account; the patient asks again.
 */
export class SmtpNotifier implements PatientNotifier {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
    /** Where messages to a phone go (tests read its outbox). */
    readonly others: PatientNotifier,
    private readonly logger: Logger,
  ) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(message: PatientMessage): Promise<void> {
    const email = message.to.email;
    if (!email) return this.others.send(message);
    const texts = textsFor(isLanguage(message.language) ? message.language : 'en').me;
    try {
      await this.transport.sendMail({
        from: this.from,
        to: email,
        subject: message.kind === 'email_check' ? texts.emailCheckSubject : texts.codeSubject,
        text: message.text,
        headers: { 'Content-Language': message.language },
      });
    } catch (error) {
      // The code itself is never logged: the log is read by more people than the patient's mailbox.
      this.logger.error({ err: error, notice: message.kind }, 'Could not send an email to a patient');
    }
  }

  /** Closes the pooled SMTP connections (server shutdown, tests). */
  close(): void {
    this.transport.close();
  }
}
