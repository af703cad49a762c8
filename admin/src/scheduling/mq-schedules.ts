import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ClinicSettings, DoctorProfileView, GenerateRequest, GenerationResult } from '../../../common/admin';
import type { ClinicInfo } from '../../../common/api';
import { ApiError, apiGet, apiPost } from '../../../common/web/api';
import { clinicDay } from '../shared/clinic-format';
import { baseStyles } from '../../../common/web/shared-styles';
import './mq-doctor-picker';
import './mq-exceptions-editor';
import './mq-generation-result';
import './mq-week-editor';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/**
 * The Schedules section (admins): pick a doctor, then edit their weekly hours, their days off, and generate
 * bookable slots from them for the coming weeks, with what generation added, removed and kept in words.
 */
@customElement('mq-schedules')
export class MqSchedules extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    css`
      :host {
        display: block;
      }
      .card > p.hint {
        margin: -0.5rem 0 1rem;
        color: var(--mq-color-text-muted);
      }
      .generate {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 1rem;
      }
      .generate .field {
        width: 10rem;
      }
    `,
  ];

  @state() private doctor: DoctorProfileView | null = null;
  @state() private clinic: ClinicInfo | null = null;
  @state() private horizon = 28;
  @state() private generating = false;
  @state() private result: GenerationResult | null = null;
  @state() private problem = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.loadClinic();
  }

  render() {
    const zone = this.clinic?.timeZone ?? 'UTC';
    const today = this.clinic ? clinicDay(new Date(this.clinic.serverTime), zone) : '';
    return html`
      <section class="card">
        <h2>Schedules</h2>
        <mq-doctor-picker @doctor-change=${this.onDoctor}></mq-doctor-picker>
      </section>
      ${this.doctor
        ? html`
            <section class="card" aria-labelledby="week-title">
              <h2 id="week-title">Weekly hours · ${this.doctor.fullName}</h2>
              <p class="hint">Times are the clinic's (${zone}). Several hours a day leave breaks between them.</p>
              <mq-week-editor .doctorId=${this.doctor.id} .defaultSlotMinutes=${this.doctor.consultationMinutes}></mq-week-editor>
            </section>
            <section class="card" aria-labelledby="off-title">
              <h2 id="off-title">Days off</h2>
              <mq-exceptions-editor .doctorId=${this.doctor.id} today=${today} zone=${zone}></mq-exceptions-editor>
            </section>
            <section class="card" aria-labelledby="generate-title">
              <h2 id="generate-title">Bookable slots</h2>
              <p class="hint">
                Makes the slots of the weekly hours from today on. Running it again adds what is missing and removes only free slots that no
                longer fit; booked slots are never removed.
              </p>
              <div class="generate">
                <div class="field">
                  <label for="horizon">Days ahead</label>
                  <input id="horizon" type="number" min="1" max="366" .value=${String(this.horizon)} @input=${this.onHorizon} />
                </div>
                <button type="button" class="primary" ?disabled=${this.generating} @click=${this.generate}>
                  ${this.generating ? 'Generating…' : 'Generate slots'}
                </button>
              </div>
              ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
              <mq-generation-result .result=${this.result} zone=${zone}></mq-generation-result>
            </section>
          `
        : nothing}
    `;
  }

  private async loadClinic(): Promise<void> {
    try {
      const [clinic, settings] = await Promise.all([apiGet<ClinicInfo>('/api/clinic'), apiGet<ClinicSettings>('/api/settings/all')]);
      this.clinic = clinic;
      this.horizon = settings.slotHorizonDays;
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : 'The clinic settings could not be loaded.';
    }
  }

  private onDoctor(event: CustomEvent<DoctorProfileView | null>): void {
    this.doctor = event.detail;
    this.result = null;
    this.problem = '';
  }

  private onHorizon(event: Event): void {
    this.horizon = Number((event.target as HTMLInputElement).value);
  }

  private async generate(): Promise<void> {
    if (!this.doctor) return;
    this.generating = true;
    this.problem = '';
    this.result = null;
    try {
      const body: GenerateRequest = { days: this.horizon };
      this.result = await apiPost<GenerationResult>(`/api/doctors/${this.doctor.id}/slots/generate`, body);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.problem = error.fieldMessage('days') ? `Days ahead: ${error.fieldMessage('days')}` : error.message;
    } finally {
      this.generating = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-schedules': MqSchedules;
  }
}
