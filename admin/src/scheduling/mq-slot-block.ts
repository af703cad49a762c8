import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CalendarSlot } from '../../../common/admin';
import { ApiError, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { confirmAction } from '../shared/mq-confirm-dialog';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/**
 * Takes one free slot out of booking (a meeting, a late start) or puts a blocked one back, for the desk and admins
 * (POST /api/slots/:id/block | unblock). Blocking asks first; a refusal (the slot was booked meanwhile) shows in the
 * server's words. Fires `slots-changed` once done, so the calendar is read again.
 */
@customElement('mq-slot-block')
export class MqSlotBlock extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The slot, free or blocked (not by a day off, which the schedule screen lifts). */
  @property({ attribute: false }) target!: CalendarSlot;
  /** How the slot is named in the question: "Monday 7 December at 09:20". */
  @property() when = '';

  @state() private busy = false;
  @state() private problem = '';

  render() {
    const blocked = this.target.status === 'blocked';
    return html`<div class="actions">
        <button type="button" ?disabled=${this.busy} @click=${() => this.change(!blocked)}>
          ${blocked ? 'Unblock this time' : 'Block this time'}
        </button>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}`;
  }

  private async change(block: boolean): Promise<void> {
    if (
      block &&
      !(await confirmAction({
        title: 'Block this time?',
        message: `${this.when} will not be offered for booking, at the desk or online, until it is unblocked.`,
        confirmLabel: 'Block this time',
        cancelLabel: 'Keep it bookable',
      }))
    ) {
      return;
    }
    this.busy = true;
    this.problem = '';
    try {
      await apiPost(`/api/slots/${this.target.id}/${block ? 'block' : 'unblock'}`);
      this.dispatchEvent(new CustomEvent('slots-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : 'That did not work. Please try again.';
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-slot-block': MqSlotBlock;
  }
}
