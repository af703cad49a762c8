import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DoctorProfileView } from '../../../common/admin';
import type { DepartmentSummary } from '../../../common/api';
import { ApiError, apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { panelStyles } from '../shared/panel-styles';

/**
 * Chooses a doctor, optionally narrowed by department: the first step of the schedules and appointments screens.
 * Fires `doctor-change` with the chosen profile (or null). The first active doctor is chosen by itself, so the
 * screen shows something useful at once.
 */
@customElement('mq-doctor-picker')
export class MqDoctorPicker extends LitElement {
  static styles = [
    baseStyles,
    panelStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 1.25rem;
        align-items: end;
      }
      .field {
        min-width: 14rem;
      }
    `,
  ];

  /** Offer the department filter. */
  @property({ type: Boolean }) departments = false;

  @state() private doctors: DoctorProfileView[] | null = null;
  @state() private departmentList: DepartmentSummary[] = [];
  @state() private departmentId = 0;
  @state() private doctorId = 0;
  @state() private problem = '';

  connectedCallback(): void {
    super.connectedCallback();
    if (!this.doctors) void this.load();
  }

  render() {
    if (this.problem) {
      return html`<p class="error" role="alert">${this.problem} <button type="button" @click=${this.load}>Try again</button></p>`;
    }
    if (!this.doctors) return html`<p class="status" role="status">Loading doctors…</p>`;
    if (!this.doctors.length) return html`<p class="empty">No doctors yet. Add a doctor's profile in Doctors first.</p>`;
    const shown = this.shownDoctors();
    return html`
      ${this.departments
        ? html`<div class="field">
            <label for="department">Department</label>
            <select id="department" @change=${this.onDepartment}>
              <option value="0" ?selected=${!this.departmentId}>All departments</option>
              ${this.departmentList.map((d) => html`<option value=${d.id} ?selected=${d.id === this.departmentId}>${d.name}</option>`)}
            </select>
          </div>`
        : nothing}
      <div class="field">
        <label for="doctor">Doctor</label>
        <select id="doctor" @change=${this.onDoctor}>
          ${shown.length ? nothing : html`<option value="0">No doctors in this department</option>`}
          ${shown.map(
            (d) => html`<option value=${d.id} ?selected=${d.id === this.doctorId}>
              ${d.fullName} · ${d.department.name}${d.active ? '' : ' (inactive)'}
            </option>`,
          )}
        </select>
      </div>
    `;
  }

  private shownDoctors(): DoctorProfileView[] {
    return (this.doctors ?? []).filter((d) => !this.departmentId || d.department.id === this.departmentId);
  }

  private async load(): Promise<void> {
    this.problem = '';
    try {
      const [{ doctors }, departments] = await Promise.all([
        apiGet<{ doctors: DoctorProfileView[] }>('/api/doctors'),
        this.departments ? apiGet<{ departments: DepartmentSummary[] }>('/api/departments') : Promise.resolve({ departments: [] }),
      ]);
      // Active doctors first, then by name: the ones a desk books with most.
      this.doctors = [...doctors].sort((a, b) => Number(b.active) - Number(a.active) || a.fullName.localeCompare(b.fullName));
      this.departmentList = departments.departments.filter((d) => d.active);
      this.choose(this.doctors.find((d) => d.active) ?? this.doctors[0]);
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : 'The doctors could not be loaded.';
    }
  }

  private onDepartment(event: Event): void {
    this.departmentId = Number((event.target as HTMLSelectElement).value);
    const shown = this.shownDoctors();
    this.choose(shown.find((d) => d.id === this.doctorId) ?? shown.find((d) => d.active) ?? shown[0]);
  }

  private onDoctor(event: Event): void {
    const id = Number((event.target as HTMLSelectElement).value);
    this.choose(this.doctors?.find((d) => d.id === id));
  }

  private choose(doctor: DoctorProfileView | undefined): void {
    const id = doctor?.id ?? 0;
    if (id === this.doctorId && doctor) return;
    this.doctorId = id;
    this.dispatchEvent(new CustomEvent('doctor-change', { detail: doctor ?? null, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-doctor-picker': MqDoctorPicker;
  }
}
