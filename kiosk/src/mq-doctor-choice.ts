import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { KioskDepartment } from '../../common/kiosk';
import { baseStyles } from '../../common/web/shared-styles';
import { chevron, kioskStyles } from './kiosk-styles';
import type { KioskLocale } from './locale';

/**
 * "Any available doctor" or a named one, each with the waiting count and the wait a new walk-in would get.
 * Doctors not seeing patients now are shown, not selectable, with when they start. Fires `doctor-pick`
 * (null for any doctor).
 */
@customElement('mq-doctor-choice')
export class MqDoctorChoice extends LitElement {
  static styles = [baseStyles, kioskStyles];

  @property({ attribute: false }) locale!: KioskLocale;
  @property({ attribute: false }) department!: KioskDepartment;

  render() {
    const { t } = this.locale;
    const d = this.department;
    return html`<div class="options" role="list">
      <div role="listitem" style="display:contents">
        <button class="option" data-doctor="any" @click=${() => this.pick(null)}>
          <span class="main">
            <span class="title">${t.walkIn.anyDoctor}</span>
            <span class="hint">${t.walkIn.anyDoctorHint}</span>
            <span class="pills"><span class="pill">${t.walkIn.waiting(d.waitingCount)}</span><span class="pill">${t.walkIn.estimate(d.estimateMinutes)}</span></span>
          </span>
          ${chevron}
        </button>
      </div>
      ${d.doctors.map(
        (doctor) => html`<div role="listitem" style="display:contents">
          <button class="option" ?disabled=${!doctor.available} data-doctor=${doctor.id} @click=${() => this.pick(doctor.id)}>
            <span class="main">
              <span class="title">${doctor.name}</span>
              <span class="hint">${this.locale.room(doctor.room)}</span>
              <span class="pills">
                ${doctor.available
                  ? html`<span class="pill">${t.walkIn.waiting(doctor.waitingCount)}</span><span class="pill">${t.walkIn.estimate(doctor.estimateMinutes)}</span>`
                  : html`<span class="pill closed">${doctor.nextAvailableAt ? t.walkIn.doctorAway(this.locale.when(doctor.nextAvailableAt)) : t.walkIn.doctorOff}</span>`}
              </span>
            </span>
            ${doctor.available ? chevron : nothing}
          </button>
        </div>`,
      )}
    </div>`;
  }

  private pick(id: number | null): void {
    this.dispatchEvent(new CustomEvent('doctor-pick', { detail: id, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-doctor-choice': MqDoctorChoice;
  }
  interface GlobalEventHandlersEventMap {
    'doctor-pick': CustomEvent<number | null>;
  }
}
