import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PatientView } from '../../../common/admin';
import type { FamilyLinkPerson, FamilyLinksResponse } from '../../../common/patient-reports';
import { apiFetch, apiGet, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { formatDateOf } from '../shared/clinic-format';
import type { PatientChosenEvent } from '../shared/events';
import { messageOf } from '../shared/form-helpers';
import { confirmAction } from '../shared/mq-confirm-dialog';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import { patientSectionStyles, personRowStyles } from './patient-section-styles';
import './mq-patient-finder';

/**
 * Family links on the patient's page (reception, admins): who manages this patient's appointments on their phone (a
 * parent or guardian), and whose appointments this patient manages. "Link a parent or guardian" searches for the
 * other patient and asks before linking (both people's papers should be in front of the desk); removing a link asks
 * too. A link opens appointments only, never records.
 */
@customElement('mq-patient-family')
export class MqPatientFamily extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    patientSectionStyles,
    personRowStyles,
    css`
      h4 {
        margin: 0.75rem 0 0.25rem;
        font-size: 0.95rem;
        color: var(--mq-color-text-muted);
      }
      ul {
        margin: 0;
      }
      .picker {
        margin-top: 0.75rem;
        padding: 0.8rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-surface-alt);
      }
    `,
  ];

  /** The patient whose page this is. */
  @property({ attribute: false }) patient!: PatientView;

  @state() private links: FamilyLinksResponse | null = null;
  @state() private picking = false;
  @state() private problem = '';
  @state() private notice = '';

  protected willUpdate(changed: Map<string, unknown>): void {
    const before = changed.get('patient') as PatientView | undefined;
    if (changed.has('patient') && this.patient && before?.id !== this.patient.id) {
      this.picking = false;
      this.notice = '';
      void this.load();
    }
  }

  render() {
    const links = this.links;
    const first = this.patient.fullName.split(/\s+/)[0];
    return html`<section aria-labelledby="family-title">
      <h3 id="family-title">Family</h3>
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${links
        ? html`<h4>Who manages ${first}'s appointments on their phone</h4>
            ${links.managedBy.length
              ? html`<ul aria-label=${`Who manages ${first}'s appointments`}>${links.managedBy.map((p) => this.renderPerson(p, 'guardian'))}</ul>`
              : html`<p class="muted">Nobody yet.</p>`}
            ${links.manages.length
              ? html`<h4>${first} manages the appointments of</h4>
                  <ul aria-label=${`Whose appointments ${first} manages`}>${links.manages.map((p) => this.renderPerson(p, 'child'))}</ul>`
              : nothing}`
        : this.problem ? nothing : html`<p class="muted">Loading family links…</p>`}
      ${this.picking
        ? html`<div class="picker" @patient-chosen=${this.onChosen}>
            <mq-patient-finder></mq-patient-finder>
            <div class="actions"><button type="button" @click=${() => (this.picking = false)}>Cancel</button></div>
          </div>`
        : html`<div class="actions"><button type="button" @click=${() => ((this.picking = true), (this.notice = ''))}>Link a parent or guardian</button></div>`}
    </section>`;
  }

  private renderPerson(p: FamilyLinkPerson, role: 'guardian' | 'child') {
    return html`<li>
      <span><strong>${p.fullName}</strong> <span class="muted">born ${p.dateOfBirth} · record ${p.medicalRecordNumber} · linked ${formatDateOf(p.linkedAt)}</span></span>
      <button type="button" aria-label=${`Remove link with ${p.fullName}`} @click=${() => this.unlink(p, role)}>Remove link</button>
    </li>`;
  }

  private async onChosen(event: PatientChosenEvent): Promise<void> {
    event.stopPropagation();
    const guardian = event.detail;
    const child = this.patient;
    if (guardian.id === child.id) {
      this.problem = 'Choose another person than the patient.';
      return;
    }
    const ok = await confirmAction({
      title: `Link ${guardian.fullName} to ${child.fullName}?`,
      message: `${guardian.fullName} (born ${guardian.dateOfBirth}) will see, move and cancel ${child.fullName}'s appointments on their own phone. Not their records. Check both people's papers first.`,
      confirmLabel: 'Link them',
      cancelLabel: 'Not now',
    });
    if (!ok) return;
    await this.run(async () => {
      await apiPost(`/api/patients/${child.id}/family-links`, { guardianPatientId: guardian.id });
      this.picking = false;
      this.notice = `${guardian.fullName} now manages ${child.fullName}'s appointments.`;
    });
  }

  private async unlink(p: FamilyLinkPerson, role: 'guardian' | 'child'): Promise<void> {
    const [child, guardian] = role === 'guardian' ? [this.patient, p] : [p, this.patient];
    const ok = await confirmAction({
      title: 'Remove this family link?',
      message: `${guardian.fullName} will no longer see or change ${child.fullName}'s appointments.`,
      confirmLabel: 'Remove link',
      danger: true,
    });
    if (!ok) return;
    await this.run(async () => {
      await apiFetch(`/api/patients/${child.id}/family-links/${guardian.id}`, { method: 'DELETE' });
      this.notice = `${guardian.fullName} no longer manages ${child.fullName}'s appointments.`;
    });
  }

  private async run(step: () => Promise<void>): Promise<void> {
    this.problem = '';
    try {
      await step();
    } catch (error) {
      this.problem = messageOf(error);
    }
    await this.load();
  }

  private async load(): Promise<void> {
    const id = this.patient.id;
    try {
      const links = await apiGet<FamilyLinksResponse>(`/api/patients/${id}/family-links`);
      if (id === this.patient.id) this.links = links;
    } catch (error) {
      this.problem = `The family links could not be loaded. ${messageOf(error)}`.trim();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-patient-family': MqPatientFamily;
  }
}
