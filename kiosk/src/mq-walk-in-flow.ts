import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { PriorityReason, TicketView } from '../../common/api';
import type { KioskWalkInRequest } from '../../common/kiosk';
import { ApiError } from '../../common/web/api';
import { baseStyles } from '../../common/web/shared-styles';
import { DepartmentsController } from './controllers/departments-controller';
import { fire } from './events';
import { AttemptKeys } from './idempotency';
import { kioskStyles } from './kiosk-styles';
import type { KioskLive } from './live';
import type { KioskLocale } from './locale';
import type { ContactDetails } from './mq-contact-details';
import type { PriorityAnswer } from './mq-priority-choice';
import type { MqScreenHeader } from './mq-screen-header';
import { submitWithRetry } from './submit';
import './mq-busy-overlay';
import './mq-contact-details';
import './mq-department-choice';
import './mq-doctor-choice';
import './mq-priority-choice';
import './mq-screen-header';

type Step = 'department' | 'doctor' | 'priority' | 'emergency' | 'details';

const PREVIOUS: Record<Step, Step | null> = { department: null, doctor: 'department', priority: 'doctor', emergency: 'priority', details: 'priority' };

/**
 * "Walk-in": department (live counts and waits, closed ones with their opening), doctor (any or named), priority
 * (or emergency, confirmed, which alerts reception), then optionally a first name and phone, and the ticket.
 * The check-in carries one idempotency key per attempt and is retried until the server answers, so a lost answer
 * never leaves the patient without a ticket nor gives them two.
 */
@customElement('mq-walk-in-flow')
export class MqWalkInFlow extends LitElement {
  static styles = [
    baseStyles,
    kioskStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: clamp(1rem, 3vmin, 2rem);
      }
      .confirm {
        display: grid;
        gap: var(--k-gap);
        max-width: 52rem;
        padding: clamp(1.5rem, 4vmin, 2.5rem);
        border-radius: var(--mq-radius);
        border: 4px solid var(--mq-color-danger);
        background: var(--mq-color-danger-soft);
      }
      .confirm p {
        margin: 0;
        font-size: clamp(1.3rem, 3vmin, 1.9rem);
        font-weight: 600;
        color: var(--mq-color-danger);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      .actions .btn {
        flex: 1 1 16rem;
      }
    `,
  ];

  @property({ attribute: false }) locale!: KioskLocale;
  @property({ attribute: false }) live!: KioskLive;
  /** The departments this kiosk offers (its profile): null for every one, undefined while the profile loads. */
  @property({ attribute: false }) offered: readonly number[] | null | undefined = null;

  @state() private step: Step = 'department';
  @state() private departmentId: number | null = null;
  @state() private doctorId: number | null = null;
  @state() private reason: PriorityReason | null = null;
  @state() private error = '';
  @state() private busy: 'sending' | 'retrying' | null = null;
  @query('mq-screen-header') private header!: MqScreenHeader;

  private departments!: DepartmentsController;
  private readonly keys = new AttemptKeys();
  private abort: AbortController | undefined;
  private firstRender = true;

  connectedCallback(): void {
    // The controller needs the live connection, which is set before the element is connected.
    this.departments ??= new DepartmentsController(this, this.live, () => this.offered);
    super.connectedCallback();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  protected updated(changed: Map<string, unknown>): void {
    if (changed.has('step')) this.header?.focusHeading();
    // The profile arrived (or changed) while the choice was open: offer what it says.
    if (changed.has('offered') && !this.firstRender) this.departments.reload(0);
    this.firstRender = false;
  }

  render() {
    const t = this.locale.t;
    const department = this.departmentId === null ? undefined : this.departments.find(this.departmentId);
    const heading = {
      department: [t.walkIn.department, ''],
      doctor: [t.walkIn.doctor, department?.name ?? ''],
      priority: [t.walkIn.priority, t.walkIn.priorityHint],
      emergency: [t.walkIn.confirmTitle, ''],
      details: [t.walkIn.details, t.walkIn.detailsHint],
    }[this.step];
    return html`
      <mq-screen-header heading=${heading[0]} hint=${heading[1]} backLabel=${t.back} @screen-back=${this.back}></mq-screen-header>
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : nothing}
      ${this.renderStep()}
      ${this.busy
        ? html`<mq-busy-overlay
            message=${this.busy === 'retrying' ? t.sending.retrying : t.sending.busy}
            detail=${this.busy === 'retrying' ? t.sending.retryingDetail : ''}
            ?retrying=${this.busy === 'retrying'}
            cancelLabel=${this.busy === 'retrying' ? t.cancel : ''}
            @busy-cancel=${() => this.abort?.abort()}
          ></mq-busy-overlay>`
        : nothing}
    `;
  }

  private renderStep() {
    const t = this.locale.t;
    const department = this.departmentId === null ? undefined : this.departments.find(this.departmentId);
    switch (this.step) {
      case 'department':
        return html`${this.departments.error && !this.departments.departments
            ? html`<p class="message" role="status">${t.offline.title} ${t.offline.detail}</p>`
            : nothing}
          <mq-department-choice .locale=${this.locale} .departments=${this.departments.departments} @department-pick=${this.pickDepartment}></mq-department-choice>`;
      case 'doctor':
        return department ? html`<mq-doctor-choice .locale=${this.locale} .department=${department} @doctor-pick=${this.pickDoctor}></mq-doctor-choice>` : nothing;
      case 'priority':
        return html`<mq-priority-choice .locale=${this.locale} @priority-pick=${this.pickPriority}></mq-priority-choice>`;
      case 'emergency':
        return html`<div class="confirm" role="alertdialog" aria-label=${t.walkIn.confirmTitle}>
          <p>${t.walkIn.confirmText}</p>
          <div class="actions">
            <button class="btn danger" @click=${() => void this.submit({ emergency: true })}>${t.walkIn.confirmYes}</button>
            <button class="btn" @click=${() => (this.step = 'priority')}>${t.walkIn.confirmNo}</button>
          </div>
        </div>`;
      case 'details':
        return html`<mq-contact-details .locale=${this.locale} @details-done=${this.detailsDone}></mq-contact-details>`;
    }
  }

  private readonly back = (): void => {
    this.error = '';
    const previous = PREVIOUS[this.step];
    if (previous) this.step = previous;
    else fire(this, 'kiosk-start');
  };

  private readonly pickDepartment = (event: CustomEvent<number>): void => {
    this.error = '';
    this.departmentId = event.detail;
    this.step = 'doctor';
  };

  private readonly pickDoctor = (event: CustomEvent<number | null>): void => {
    this.doctorId = event.detail;
    this.step = 'priority';
  };

  private readonly pickPriority = (event: CustomEvent<PriorityAnswer>): void => {
    const answer = event.detail;
    if (answer === 'emergency') {
      this.step = 'emergency';
      return;
    }
    this.reason = answer === 'none' ? null : answer;
    this.step = 'details';
  };

  private readonly detailsDone = (event: CustomEvent<ContactDetails>): void => {
    void this.submit({ firstName: event.detail.firstName || undefined, phone: event.detail.phone || undefined });
  };

  private async submit(extra: { emergency?: boolean; firstName?: string; phone?: string }): Promise<void> {
    const request: Omit<KioskWalkInRequest, 'idempotencyKey'> = {
      departmentId: this.departmentId!,
      ...(this.doctorId !== null && !extra.emergency ? { doctorId: this.doctorId } : {}),
      ...(this.reason && !extra.emergency ? { priorityReason: this.reason } : {}),
      ...extra,
    };
    this.abort = new AbortController();
    this.busy = 'sending';
    this.error = '';
    try {
      const ticket = await submitWithRetry<TicketView>(
        '/api/kiosk/check-in',
        { ...request, idempotencyKey: this.keys.keyFor(request) },
        { signal: this.abort.signal, onRetry: () => (this.busy = 'retrying') },
      );
      fire(this, 'ticket-issued', { ticket, emergency: !!extra.emergency });
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.error = error instanceof ApiError ? this.locale.error(error) : this.locale.t.errors.generic;
      // A department or doctor that closed meanwhile: back to the choice, which the reload shows as it is now.
      if (error instanceof ApiError && (error.id === 'department_closed' || error.id === 'doctor_unavailable')) {
        this.step = error.id === 'department_closed' ? 'department' : 'doctor';
        this.departments.reload(0);
      }
    } finally {
      this.busy = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-walk-in-flow': MqWalkInFlow;
  }
}
