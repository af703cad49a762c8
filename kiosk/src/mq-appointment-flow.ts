import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TicketView } from '../../common/api';
import type { KioskAppointment, KioskAppointmentLookup } from '../../common/kiosk';
import { ApiError, apiPost } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { fire } from './events';
import { AttemptKeys } from './idempotency';
import { kioskStyles } from './kiosk-styles';
import type { KioskLocale } from './locale';
import { submitWithRetry } from './submit';
import './mq-appointment-card';
import './mq-appointment-entry';
import './mq-busy-overlay';
import './mq-screen-header';

/**
 * "I have an appointment": find the booking (code, or phone and date of birth), show it, and check it in through the
 * queue's appointment check-in. The check-in carries one idempotency key per attempt and is retried until the
 * server answers, so a lost answer never leaves the patient without a ticket nor gives them two.
 */
@customElement('mq-appointment-flow')
export class MqAppointmentFlow extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: clamp(1rem, 3vmin, 2rem);
      }
    `,
  ];

  @property({ attribute: false }) locale!: KioskLocale;
  /** A booking code a scanner read: looked up as soon as it arrives (a new object for every scan). */
  @property({ attribute: false }) scan: { code: string } | null = null;

  @state() private found: KioskAppointment | null = null;
  @state() private error = '';
  @state() private busy: 'finding' | 'checking-in' | 'retrying' | null = null;

  private readonly keys = new AttemptKeys();
  private abort: AbortController | undefined;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scan') && this.scan) {
      this.found = null;
      void this.find(new CustomEvent('appointment-find', { detail: { bookingCode: this.scan.code } }));
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  render() {
    const { t } = this.locale;
    return html`
      <mq-screen-header heading=${t.appointment.title} backLabel=${t.back} @screen-back=${this.back}></mq-screen-header>
      ${this.found
        ? html`<mq-appointment-card .locale=${this.locale} .appointment=${this.found} error=${this.error} @appointment-confirm=${this.checkIn}></mq-appointment-card>`
        : html`<mq-appointment-entry .locale=${this.locale} error=${this.error} @appointment-find=${this.find}></mq-appointment-entry>`}
      ${this.busy
        ? html`<mq-busy-overlay
            message=${this.busy === 'finding' ? t.appointment.finding : this.busy === 'retrying' ? t.sending.retrying : t.sending.busy}
            detail=${this.busy === 'retrying' ? t.sending.retryingDetail : ''}
            ?retrying=${this.busy === 'retrying'}
            cancelLabel=${this.busy === 'retrying' ? t.cancel : ''}
            @busy-cancel=${() => this.abort?.abort()}
          ></mq-busy-overlay>`
        : nothing}
    `;
  }

  private readonly back = (): void => {
    if (this.found) {
      this.found = null;
      this.error = '';
    } else {
      fire(this, 'kiosk-start');
    }
  };

  private readonly find = async (event: CustomEvent<KioskAppointmentLookup>): Promise<void> => {
    this.busy = 'finding';
    this.error = '';
    try {
      this.found = await apiPost<KioskAppointment>('/api/kiosk/appointments/find', event.detail, { timeoutMs: 10_000 });
    } catch (error) {
      this.error = error instanceof ApiError ? this.locale.error(error) : this.locale.t.errors.generic;
    } finally {
      this.busy = null;
    }
  };

  private readonly checkIn = async (): Promise<void> => {
    const appointment = this.found!;
    const request = { bookingCode: appointment.bookingCode };
    this.abort = new AbortController();
    this.busy = 'checking-in';
    this.error = '';
    try {
      const ticket = await submitWithRetry<TicketView>(
        '/api/queue/check-in/appointment',
        { ...request, idempotencyKey: this.keys.keyFor(request) },
        { signal: this.abort.signal, onRetry: () => (this.busy = 'retrying') },
      );
      fire(this, 'ticket-issued', { ticket, emergency: false, appointmentAt: appointment.startsAt });
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.error = error instanceof ApiError ? this.locale.error(error) : this.locale.t.errors.generic;
    } finally {
      this.busy = null;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-appointment-flow': MqAppointmentFlow;
  }
}
