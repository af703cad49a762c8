import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { DoctorProfileView } from '../../../common/admin';
import type { DepartmentSummary, StaffQueueEntry } from '../../../common/api';
import { ApiError } from '../../../common/web/api';
import { loadDirectory } from '../shared/directory';
import { panelStyles } from '../shared/panel-styles';
import { StaffDialog } from '../shared/staff-dialog';

/** Where a patient is sent and why: a doctor, or a department's shared pool ("any doctor"). */
export interface TransferChoice {
  toDoctorId?: number;
  toDepartmentId?: number;
  reason: string;
}

/**
 * The transfer step of the doctor console in a native modal `<dialog>`: pick another doctor or a department's pool,
 * give the (required) reason, and send. The console does the sending (over the WebSocket, like every step) through
 * `submit`; a refusal stays in the dialog in the server's words, success closes it.
 */
@customElement('mq-transfer-dialog')
export class MqTransferDialog extends StaffDialog {
  static styles = [
    ...StaffDialog.styles,
    panelStyles,
    css`
      dialog {
        width: min(34rem, calc(100vw - 2rem));
      }
      dialog h2 {
        margin: 0 0 1rem;
        font-size: 1.3rem;
      }
      form {
        display: grid;
        gap: 1rem;
      }
    `,
  ];

  /** The patient to transfer (called or in consultation with this doctor). */
  @property({ attribute: false }) entry: StaffQueueEntry | null = null;
  /** The doctor transferring, left out of the list. */
  @property({ type: Number }) doctorId = 0;
  /** Sends the transfer; rejects with the server's words. */
  @property({ attribute: false }) submit: (choice: TransferChoice) => Promise<void> = async () => {};

  @state() private doctors: DoctorProfileView[] | null = null;
  @state() private departments: DepartmentSummary[] = [];
  @state() private target = '';
  @state() private reason = '';
  @state() private error = '';
  @state() private fieldErrors: { target?: string; reason?: string } = {};
  @state() private sending = false;

  /** Opens the dialog for the current entry, with the lists of doctors and departments. */
  async open(): Promise<void> {
    this.target = '';
    this.reason = '';
    this.error = '';
    this.fieldErrors = {};
    await this.showDialog();
    if (!this.doctors) void this.loadTargets();
  }

  render() {
    const entry = this.entry;
    const doctors = (this.doctors ?? []).filter((d) => d.active && d.id !== this.doctorId);
    const departments = this.departments.filter((d) => d.active);
    const heading = `Transfer ${entry ? `${entry.token}${entry.patient ? ` · ${entry.patient.fullName}` : ''}` : ''}`;
    return this.frame(
      { id: 'transfer-title', heading, onClose: () => (this.sending = false) },
      html`<form novalidate @submit=${this.onSubmit}>
        <div class="field">
          <label for="transfer-target">Transfer to</label>
          <select
            id="transfer-target"
            .value=${live(this.target)}
            aria-invalid=${this.fieldErrors.target ? 'true' : 'false'}
            aria-describedby="transfer-target-error"
            @change=${(e: Event) => ((this.target = (e.target as HTMLSelectElement).value), (this.fieldErrors = { ...this.fieldErrors, target: undefined }))}
          >
            <option value="">${this.doctors ? 'Choose a doctor or a department' : 'Loading…'}</option>
            <optgroup label="Doctors">
              ${doctors.map((d) => html`<option value=${`doctor:${d.id}`}>${d.fullName} · ${d.department.name} · ${d.room}</option>`)}
            </optgroup>
            <optgroup label="Department (any doctor)">
              ${departments.map((d) => html`<option value=${`department:${d.id}`}>${d.name} (any doctor)</option>`)}
            </optgroup>
          </select>
          <span class="field-error" id="transfer-target-error">${this.fieldErrors.target ?? ''}</span>
        </div>
        <div class="field">
          <label for="transfer-reason">Reason</label>
          <textarea
            id="transfer-reason"
            rows="3"
            maxlength="255"
            .value=${live(this.reason)}
            aria-invalid=${this.fieldErrors.reason ? 'true' : 'false'}
            aria-describedby="transfer-reason-error"
            @input=${(e: InputEvent) => ((this.reason = (e.target as HTMLTextAreaElement).value), (this.fieldErrors = { ...this.fieldErrors, reason: undefined }))}
          ></textarea>
          <span class="field-error" id="transfer-reason-error">${this.fieldErrors.reason ?? ''}</span>
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="buttons">
          <button type="button" @click=${() => this.close()}>Cancel</button>
          <button type="submit" class="primary" ?disabled=${this.sending}>${this.sending ? 'Transferring…' : 'Transfer'}</button>
        </div>
      </form>`,
    );
  }

  private async loadTargets(): Promise<void> {
    try {
      ({ departments: this.departments, doctors: this.doctors } = await loadDirectory());
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : 'The list of doctors could not be loaded. Please try again.';
    }
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.sending) return;
    // The same words the server uses for these two fields.
    const fieldErrors: { target?: string; reason?: string } = {};
    if (!this.target) fieldErrors.target = 'Choose a department or a doctor to transfer the patient to.';
    if (!this.reason.trim()) fieldErrors.reason = 'Please give a reason for the transfer.';
    this.fieldErrors = fieldErrors;
    if (fieldErrors.target || fieldErrors.reason) return;
    const [kind, id] = this.target.split(':');
    this.sending = true;
    this.error = '';
    try {
      await this.submit({ ...(kind === 'doctor' ? { toDoctorId: Number(id) } : { toDepartmentId: Number(id) }), reason: this.reason.trim() });
      this.close();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.sending = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-transfer-dialog': MqTransferDialog;
  }
}
