import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { DoctorProfileView } from '../../../common/admin';
import type { DepartmentSummary, StaffUser } from '../../../common/api';
import { apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import type { DoctorSavedEvent } from '../shared/events';
import { listStyles, messageOf } from '../shared/form-helpers';
import './mq-doctor-form';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';

/**
 * Doctors' profiles (admins): every doctor with licence, specialization, department, room, consultation minutes and
 * rating; edit one, or create the profile of a doctor account that has none (a doctor needs a profile to have a
 * queue, a schedule and bookings).
 */
@customElement('mq-doctor-profiles')
export class MqDoctorProfiles extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    listStyles,
    css`
      :host {
        display: block;
      }
      td button {
        min-height: 2.2rem;
        padding: 0.3rem 0.75rem;
        font-size: 0.9rem;
      }
    `,
  ];

  @state() private doctors: DoctorProfileView[] | null = null;
  @state() private departments: DepartmentSummary[] = [];
  /** Accounts with the doctor role. */
  @state() private doctorAccounts: StaffUser[] = [];
  @state() private loadError = '';
  /** The open form: a profile, 'new', or closed. */
  @state() private editing: DoctorProfileView | 'new' | null = null;
  @state() private notice = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  render() {
    const withoutProfile = this.withoutProfile();
    return html`
      ${this.editing
        ? html`<section class="card" aria-labelledby="form-title">
            <h2 id="form-title">${this.editing === 'new' ? 'New doctor profile' : `Edit ${this.editing.fullName}`}</h2>
            <mq-doctor-form
              .profile=${this.editing === 'new' ? null : this.editing}
              .departments=${this.departments}
              .accounts=${withoutProfile}
              @doctor-saved=${this.onSaved}
              @form-cancel=${() => (this.editing = null)}
            ></mq-doctor-form>
          </section>`
        : nothing}
      <section class="card" aria-labelledby="list-title">
        <header>
          <h2 id="list-title">Doctors</h2>
          <button type="button" class="primary" ?disabled=${!this.doctors} @click=${() => this.open('new')}>New doctor profile</button>
        </header>
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
        ${this.doctors && withoutProfile.length
          ? html`<p class="status">
              Without a profile yet: ${withoutProfile.map((a) => a.fullName).join(', ')}. They cannot have a queue or bookings until they get one.
            </p>`
          : nothing}
        ${this.renderList()}
      </section>
    `;
  }

  private renderList() {
    if (this.loadError) {
      return html`<p class="error" role="alert">${this.loadError} <button type="button" @click=${this.load}>Try again</button></p>`;
    }
    if (!this.doctors) return html`<p class="status" role="status">Loading doctors…</p>`;
    if (!this.doctors.length) {
      return html`<p class="empty">No doctor profiles yet. Create a staff account with the doctor role, then "New doctor profile".</p>`;
    }
    return html`<table class="data">
      <thead>
        <tr>
          <th scope="col">Doctor</th><th scope="col">Specialization</th><th scope="col">Department</th><th scope="col">Room</th>
          <th scope="col">Minutes</th><th scope="col">Rating</th><th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${this.doctors.map(
          (d) => html`<tr aria-selected=${this.editing !== 'new' && this.editing?.id === d.id ? 'true' : 'false'}>
            <th scope="row">
              ${d.fullName}${d.active ? nothing : html` <span class="muted">(deactivated)</span>`}
              <div class="muted">Licence ${d.licenseNumber}</div>
            </th>
            <td>${d.specialization}</td>
            <td>${d.department.name}</td>
            <td>${d.room}</td>
            <td>${d.consultationMinutes}</td>
            <td>${d.rating === null ? html`<span class="muted">Unrated</span>` : d.rating.toFixed(1)}</td>
            <td><button type="button" aria-label=${`Edit ${d.fullName}`} @click=${() => this.open(d)}>Edit</button></td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** Doctor accounts (active ones) that have no profile. */
  private withoutProfile(): StaffUser[] {
    const linked = new Set((this.doctors ?? []).map((d) => d.userId));
    return this.doctorAccounts.filter((a) => a.active && !linked.has(a.id));
  }

  private async load(): Promise<void> {
    this.loadError = '';
    try {
      const [doctors, departments, accounts] = await Promise.all([
        apiGet<{ doctors: DoctorProfileView[] }>('/api/doctors'),
        apiGet<{ departments: DepartmentSummary[] }>('/api/departments'),
        apiGet<{ users: StaffUser[] }>('/api/users?role=doctor'),
      ]);
      this.departments = departments.departments;
      this.doctorAccounts = accounts.users;
      this.doctors = doctors.doctors;
    } catch (error) {
      this.loadError = messageOf(error);
    }
  }

  private open(editing: DoctorProfileView | 'new'): void {
    this.editing = editing;
    this.notice = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector('#form-title')?.scrollIntoView({ block: 'nearest' }));
  }

  private onSaved(event: DoctorSavedEvent): void {
    const saved = event.detail;
    const others = (this.doctors ?? []).filter((d) => d.id !== saved.id);
    this.doctors = [...others, saved].sort((a, b) => a.id - b.id);
    this.notice = this.editing === 'new' ? `Created the profile of ${saved.fullName}.` : `Saved ${saved.fullName}: ${saved.department.name}, ${saved.room}.`;
    this.editing = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-doctor-profiles': MqDoctorProfiles;
  }
}
