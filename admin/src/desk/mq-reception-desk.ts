import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { DoctorProfileView } from '../../../common/admin';
import type { DepartmentSummary, StaffUser, TicketView } from '../../../common/api';
import type { ReceptionAlert } from '../../../common/kiosk';
import type { ServerMessage } from '../../../common/protocol';
import type { ReceptionArrival } from '../../../common/reception';
import { ApiError, apiPost } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { LiveController } from '../shared/live-controller';
import type { AddPatientEvent, AlertSeenEvent, PatientChosenEvent, DeskTicketIssuedEvent } from '../shared/events';
import { loadDirectory } from '../shared/directory';
import { confirmAction } from '../shared/mq-confirm-dialog';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import { dialogStyles } from '../shared/staff-dialog';
import { TickController } from '../shared/tick-controller';
import './mq-desk-alerts';
import './mq-desk-appointments';
import './mq-desk-arrivals';
import './mq-desk-check-in';
import './mq-issued-ticket';
import '../people/mq-patient-finder';

/** Where the alerts this desk has marked as seen are kept, so a reload does not bring them back. */
const SEEN_KEY = 'mq-desk-seen-alerts';

/**
 * The reception desk (issue 6): emergency alerts from the kiosk at the top, check-in at the desk (existing or new
 * patient) with the issued token and its printable ticket, today's appointments with one-click check-in, and
 * today's arrivals across departments, where an anonymous walk-in can be given its patient. Everything live from
 * the staff channel `reception:all` (alerts and arrivals: a snapshot on every (re)connect, then changes).
 */
@customElement('mq-reception-desk')
export class MqReceptionDesk extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    panelStyles,
    dialogStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 1.5rem;
      }
      .grid {
        display: grid;
        /* Today's appointments get the wider column: its Check in buttons must show without scrolling. */
        grid-template-columns: minmax(18rem, 2fr) minmax(0, 3fr);
        gap: 1.5rem;
        align-items: start;
      }
      .card + .card {
        margin-top: 0;
      }
      .offline {
        margin: 0;
        padding: 0.6rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-warning-soft);
        color: var(--mq-color-warning);
        font-weight: 600;
      }
      .stack {
        display: grid;
        gap: 1rem;
      }
      dialog {
        width: min(46rem, 94vw);
      }
      dialog h2 {
        margin: 0 0 1rem;
      }
      @media (max-width: 84rem) {
        .grid {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  /** The signed-in reception or admin user. */
  @property({ attribute: false }) user!: StaffUser;

  @state() private departments: DepartmentSummary[] = [];
  @state() private doctors: DoctorProfileView[] = [];
  @state() private loadError = '';
  /** The clinic day the arrivals are of, from the server. */
  @state() private day: string | null = null;
  /** Today's arrivals by department (each change replaces one department's rows); null before the snapshot. */
  @state() private arrivals: Map<number, ReceptionArrival[]> | null = null;
  /** Moves on every change to a queue, so the appointments list reads again. */
  @state() private revision = 0;
  @state() private alerts: ReceptionAlert[] = [];
  @state() private ticket: TicketView | null = null;
  /** The anonymous walk-in reception is naming, while the dialog is open. */
  @state() private attachTarget: ReceptionArrival | null = null;
  @state() private attachError = '';
  @state() private notice = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  /** The desk's channel on the page's one socket (the shell's, through `@lit/context`). */
  private readonly realtime = new LiveController(this, { channels: ['reception:all'], onMessage: (m) => this.onMessage(m) });
  private readonly seen = new Set<number>(readSeen());
  /** Ages in the arrivals list ("waiting 12 min"). */
  private readonly clock = new TickController(this);

  connectedCallback(): void {
    super.connectedCallback();
    if (!this.departments.length) void this.loadDirectory();
  }

  render() {
    const arrivals = this.arrivals ? [...this.arrivals.values()].flat() : null;
    return html`
      <mq-desk-alerts ?hidden=${!this.alerts.length} .alerts=${this.alerts} @alert-seen=${this.onAlertSeen}></mq-desk-alerts>
      ${this.realtime.offline ? html`<p class="offline" role="status">Reconnecting to the clinic server… the lists will catch up by themselves.</p>` : nothing}
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
      <div class="grid">
        <section class="card" aria-labelledby="check-in-title">
          <h2 id="check-in-title">Check in at the desk</h2>
          <div class="stack">
            ${this.ticket ? html`<mq-issued-ticket .ticket=${this.ticket} @ticket-closed=${() => (this.ticket = null)}></mq-issued-ticket>` : nothing}
            <mq-desk-check-in .departments=${this.departments} .doctors=${this.doctors} @desk-ticket-issued=${this.onTicketIssued}></mq-desk-check-in>
          </div>
        </section>
        <section class="card" aria-labelledby="appointments-title">
          <h2 id="appointments-title">Today's appointments</h2>
          <mq-desk-appointments .day=${this.day} .revision=${this.revision} @desk-ticket-issued=${this.onTicketIssued}></mq-desk-appointments>
        </section>
      </div>
      <section class="card" aria-labelledby="arrivals-title">
        <header>
          <h2 id="arrivals-title">Today's arrivals${arrivals ? ` (${arrivals.length})` : ''}</h2>
        </header>
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
        <mq-desk-arrivals .arrivals=${arrivals} .departments=${this.departments} .now=${this.clock.now} @add-patient=${this.onAddPatient}></mq-desk-arrivals>
      </section>
      <dialog aria-labelledby="attach-title" @close=${() => (this.attachTarget = null)}>
        ${this.attachTarget
          ? html`<h2 id="attach-title">Add the patient to ${this.attachTarget.token}</h2>
              ${this.attachError ? html`<p class="error" role="alert">${this.attachError}</p>` : nothing}
              <mq-patient-finder @patient-chosen=${this.onAttachChosen}></mq-patient-finder>
              <div class="actions"><button type="button" @click=${() => this.dialog?.close()}>Cancel</button></div>`
          : nothing}
      </dialog>
    `;
  }

  private async loadDirectory(): Promise<void> {
    try {
      ({ departments: this.departments, doctors: this.doctors } = await loadDirectory());
    } catch (error) {
      this.loadError = error instanceof ApiError ? error.message : 'The departments could not be loaded. Please reload the page.';
    }
  }

  private onMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'reception_alerts':
        // A snapshot (also after a reconnect) replaces the list: nothing twice, and finished emergencies drop out.
        this.alerts = dedupe(message.alerts.filter((a) => !this.seen.has(a.entryId)));
        break;
      case 'emergency_alert':
        if (!this.seen.has(message.alert.entryId)) this.alerts = dedupe([...this.alerts, message.alert]);
        break;
      case 'reception_arrivals': {
        const byDepartment = new Map<number, ReceptionArrival[]>();
        for (const arrival of message.arrivals) {
          byDepartment.set(arrival.department.id, [...(byDepartment.get(arrival.department.id) ?? []), arrival]);
        }
        this.day = message.day;
        this.arrivals = byDepartment;
        this.revision++;
        break;
      }
      case 'arrivals_update': {
        // A new clinic day starts with an empty list.
        const map = message.day === this.day && this.arrivals ? new Map(this.arrivals) : new Map<number, ReceptionArrival[]>();
        map.set(message.departmentId, message.arrivals);
        this.day = message.day;
        this.arrivals = map;
        this.revision++;
        break;
      }
      case 'error':
        if (message.channel === 'reception:all') this.loadError = message.error.message;
        break;
    }
  }

  private readonly onAlertSeen = (event: AlertSeenEvent): void => {
    this.seen.add(event.detail);
    writeSeen(this.seen);
    this.alerts = this.alerts.filter((a) => a.entryId !== event.detail);
  };

  private readonly onTicketIssued = (event: DeskTicketIssuedEvent): void => {
    this.ticket = event.detail;
  };

  private readonly onAddPatient = async (event: AddPatientEvent): Promise<void> => {
    this.attachTarget = event.detail;
    this.attachError = '';
    this.notice = '';
    await this.updateComplete;
    this.dialog?.showModal();
  };

  private readonly onAttachChosen = async (event: PatientChosenEvent): Promise<void> => {
    const target = this.attachTarget;
    const patient = event.detail;
    if (!target) return;
    const ok = await confirmAction({
      title: `Add ${patient.fullName} to ${target.token}?`,
      message: `${target.token} will be ${patient.fullName}'s visit (record ${patient.medicalRecordNumber}) on every staff screen. This cannot be changed at the desk.`,
      confirmLabel: 'Add patient',
      cancelLabel: 'Go back',
    });
    if (!ok) return;
    try {
      await apiPost<ReceptionArrival>(`/api/queue/entries/${target.id}/patient`, { patientId: patient.id });
      this.notice = `${patient.fullName} added to ${target.token}.`;
      this.dialog?.close();
    } catch (error) {
      this.attachError = error instanceof ApiError ? error.message : 'The patient could not be added. Please try again.';
    }
  };
}

/** One alert per entry (should the same one arrive twice), oldest first. */
function dedupe(alerts: ReceptionAlert[]): ReceptionAlert[] {
  const byEntry = new Map<number, ReceptionAlert>();
  for (const alert of alerts) byEntry.set(alert.entryId, alert);
  return [...byEntry.values()].sort((a, b) => Date.parse(a.checkedInAt) - Date.parse(b.checkedInAt));
}

function readSeen(): number[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(SEEN_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((n): n is number => typeof n === 'number') : [];
  } catch {
    return [];
  }
}

function writeSeen(seen: Set<number>): void {
  try {
    // The newest few hundred are plenty for a day at one desk.
    sessionStorage.setItem(SEEN_KEY, JSON.stringify([...seen].slice(-500)));
  } catch {
    // Private mode or full storage: alerts may come back after a reload, which is the safe side.
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-reception-desk': MqReceptionDesk;
  }
}
