import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { StaffQueueEntry } from '../../../common/api';
import { ApiError, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import type { PatientChosenEvent } from '../shared/events';
import { confirmAction } from '../shared/mq-confirm-dialog';
import { staffButtonStyles } from '../shared/staff-buttons';
import '../people/mq-patient-finder';

/**
 * The doctor names the patient behind an anonymous walk-in they are seeing (issue 19): "Find or register the
 * patient" opens the desk's own finder (search, or register with the duplicate check), a confirmation says what
 * will happen, and the server attaches the patient (POST /api/records/walk-ins/:id/patient). The console then
 * shows the name and the record can be started. Fires `walk-in-named` with the entry as the server left it.
 */
@customElement('mq-walk-in-patient')
export class MqWalkInPatient extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      :host {
        display: block;
        margin-top: 0.75rem;
      }
      dialog {
        width: min(48rem, 95vw);
        border: none;
        border-radius: var(--mq-radius);
        padding: 1.5rem;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 45%);
      }
      .error {
        color: var(--mq-color-danger);
        font-weight: 600;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        margin-top: 1rem;
      }
    `,
  ];

  /** The walk-in with the doctor now. */
  @property({ attribute: false }) entry!: StaffQueueEntry;

  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  render() {
    return html`<p>${this.entry.token} has no registered patient yet, so the visit cannot be recorded.</p>
      <button type="button" class="primary" @click=${this.open}>Find or register the patient</button>
      <dialog aria-labelledby="walk-in-title">
        <h2 id="walk-in-title">The patient of ${this.entry.token}</h2>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <mq-patient-finder @patient-chosen=${this.onChosen}></mq-patient-finder>
        <div class="actions"><button type="button" @click=${() => this.dialog.close()}>Cancel</button></div>
      </dialog>`;
  }

  private readonly open = (): void => {
    this.error = '';
    this.dialog.showModal();
  };

  private readonly onChosen = async (event: PatientChosenEvent): Promise<void> => {
    const patient = event.detail;
    const ok = await confirmAction({
      title: `${patient.fullName} is ${this.entry.token}?`,
      message: `${this.entry.token} becomes ${patient.fullName}'s visit (record ${patient.medicalRecordNumber}) on every staff screen, and their record opens here.`,
      confirmLabel: 'Yes, this is the patient',
      cancelLabel: 'Go back',
    });
    if (!ok) return;
    try {
      const entry = await apiPost<StaffQueueEntry>(`/api/records/walk-ins/${this.entry.id}/patient`, { patientId: patient.id });
      this.dialog.close();
      this.dispatchEvent(new CustomEvent('walk-in-named', { detail: entry, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : 'The patient could not be added. Please try again.';
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-walk-in-patient': MqWalkInPatient;
  }
  interface GlobalEventHandlersEventMap {
    'walk-in-named': CustomEvent<StaffQueueEntry>;
  }
}
