import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DoctorProfileView } from '../../common/admin';
import type { DoctorQueueView, StaffQueueEntry, StaffUser } from '../../common/api';
import type { EntryActionType, ServerMessage, StaffAction } from '../../common/protocol';
import { ApiError, apiGet } from '../../common/web/api';
import { SocketController } from '../../common/web/socket-controller';
import { baseStyles } from '../../common/web/shared-styles';
import { staffButtonStyles } from './staff-buttons';
import type { RecordSignedEvent } from './events';
import './mq-consultation-record';

/** A console button: what it sends, its key, and when it applies to the current patient. */
interface ConsoleAction {
  key: string;
  label: string;
  type: 'call_next' | EntryActionType;
  enabled: (current: StaffQueueEntry | null) => boolean;
  /** What to say once the server confirmed it. */
  done: string;
}

const ACTIONS: ConsoleAction[] = [
  { key: 'n', label: 'Call next', type: 'call_next', enabled: (c) => !c, done: 'called' },
  { key: 'r', label: 'Recall', type: 'recall', enabled: (c) => c?.status === 'called', done: 'called again' },
  { key: 's', label: 'No-show', type: 'skip', enabled: (c) => c?.status === 'called', done: 'marked as a no-show' },
  { key: 'c', label: 'Start consultation', type: 'start_consultation', enabled: (c) => c?.status === 'called', done: 'in consultation' },
  { key: 'd', label: 'Complete', type: 'complete', enabled: (c) => c?.status === 'called' || c?.status === 'in_consultation', done: 'completed' },
];

const PRIORITY_LABELS: Record<string, string> = { emergency: 'Emergency', priority: 'Priority', normal: 'Normal' };

let requestCounter = 0;

/**
 * The doctor's console (issue 6): the doctor's live queue from the `doctor:<id>` channel (the patient being seen,
 * the waiting list and today's figures), the queue steps as buttons with one-key shortcuts sent over the WebSocket,
 * refusals read out in plain words, and the consultation record of the patient in consultation.
 */
@customElement('mq-doctor-console')
export class MqDoctorConsole extends LitElement {
  static styles = [
    baseStyles,
    staffButtonStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        margin: 0 0 1rem;
        font-size: 1.4rem;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(18rem, 1fr);
        gap: 1.5rem;
        align-items: start;
      }
      section {
        padding: 1.5rem;
        border-radius: var(--mq-radius);
        background: var(--mq-color-surface);
        box-shadow: var(--mq-shadow);
      }
      .current {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.5rem 1.25rem;
        margin-bottom: 1rem;
      }
      .token {
        font-size: 2.2rem;
        font-weight: 700;
        color: var(--mq-color-primary-strong);
      }
      .who {
        font-size: 1.25rem;
        font-weight: 600;
      }
      .muted {
        color: var(--mq-color-text-muted);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
      }
      button {
        min-height: 2.8rem;
        padding: 0.55rem 1.1rem;
      }
      button:disabled {
        opacity: 0.45;
      }
      kbd {
        margin-inline-start: 0.2rem;
        padding: 0 0.35rem;
        border: 1px solid currentColor;
        border-radius: 4px;
        font: inherit;
        font-size: 0.8rem;
        opacity: 0.8;
      }
      .live:not(:empty) {
        margin: 1rem 0 0;
        padding: 0.75rem 1rem;
        border-radius: var(--mq-radius-sm);
        background: var(--mq-color-primary-soft);
      }
      .live.refused {
        background: var(--mq-color-danger-soft);
        color: var(--mq-color-danger);
        font-weight: 500;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        padding: 0.5rem 0.4rem;
        border-bottom: 1px solid var(--mq-color-border);
        text-align: start;
      }
      th {
        font-size: 0.85rem;
        color: var(--mq-color-text-muted);
      }
      .emergency {
        color: var(--mq-color-danger);
        font-weight: 700;
      }
      dl {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.5rem 1rem;
        margin: 0;
      }
      dd {
        margin: 0;
        font-weight: 700;
        text-align: end;
      }
      mq-consultation-record {
        margin-top: 1.5rem;
      }
      @media (max-width: 60rem) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  /** The signed-in doctor. */
  @property({ attribute: false }) user!: StaffUser;

  @state() private profile: DoctorProfileView | null = null;
  /** Why the queue cannot be shown (no doctor profile, a failed look-up). */
  @state() private problem = '';
  @state() private view: DoctorQueueView | null = null;
  /** The last result or refusal, read out by the live region. */
  @state() private announcement = '';
  @state() private refused = false;
  /**
   * The visit whose record is on screen: the patient in consultation, and afterwards (signed, or completed from the
   * queue) the same visit until the next consultation starts, so the doctor sees what was signed.
   */
  @state() private recordEntry: StaffQueueEntry | null = null;
  @state() private now = Date.now();

  private readonly realtime = new SocketController(this, { onMessage: (m) => this.onMessage(m) });
  /** Requests sent and not yet answered, by request id: what they were for. */
  private readonly pending = new Map<string, ConsoleAction>();
  private ticker: ReturnType<typeof setInterval> | undefined;

  connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKeyDown);
    this.ticker = setInterval(() => (this.now = Date.now()), 30_000);
    if (!this.profile) void this.loadProfile();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKeyDown);
    clearInterval(this.ticker);
  }

  render() {
    if (this.problem) return html`<h2>Your queue</h2><p role="alert">${this.problem}</p>`;
    const view = this.view;
    const current = view?.current ?? null;
    const recordEntry = this.recordEntry;
    return html`
      <div class="grid">
        <div>
          <section aria-labelledby="now-title">
            <h2 id="now-title">Your queue${this.profile ? html` <span class="muted">· ${this.profile.room}</span>` : nothing}</h2>
            ${!view
              ? html`<p class="muted">Loading your queue…</p>`
              : current
                ? html`<div class="current" data-status=${current.status}>
                    <span class="token">${current.token}</span>
                    <span class="who">${current.patient?.fullName ?? 'Unregistered walk-in'}</span>
                    <span class="muted">${statusLabel(current)}</span>
                  </div>`
                : html`<p class="current muted">No patient with you now.</p>`}
            <div class="actions">
              ${ACTIONS.map(
                (a) => html`<button
                  type="button"
                  class=${a.type === 'call_next' || a.type === 'start_consultation' ? 'primary' : ''}
                  aria-keyshortcuts=${a.key.toUpperCase()}
                  ?disabled=${!view || !a.enabled(current)}
                  @click=${() => this.send(a)}
                >${a.label} <kbd>${a.key.toUpperCase()}</kbd></button>`,
              )}
            </div>
            <p class="live ${this.refused ? 'refused' : ''}" aria-live="polite" role="status">${this.announcement}</p>
          </section>
          ${recordEntry
            ? html`<mq-consultation-record .entry=${recordEntry} @record-signed=${this.onRecordSigned}></mq-consultation-record>`
            : nothing}
        </div>
        <div>
          <section aria-labelledby="waiting-title">
            <h2 id="waiting-title">Waiting${view ? ` (${view.waiting.length})` : ''}</h2>
            ${view?.waiting.length ? this.renderWaiting(view.waiting) : html`<p class="muted">Nobody is waiting.</p>`}
          </section>
          ${view ? this.renderStats(view) : nothing}
        </div>
      </div>
    `;
  }

  private renderWaiting(waiting: StaffQueueEntry[]) {
    return html`<table>
      <thead><tr><th>Token</th><th>Patient</th><th>Priority</th><th>Waiting</th><th>ETA</th></tr></thead>
      <tbody>
        ${waiting.map(
          (e) => html`<tr>
            <td><strong>${e.token}</strong></td>
            <td>
              ${e.patient?.fullName ?? 'Unregistered'}${e.patient?.age != null ? html` <span class="muted">(${e.patient.age})</span>` : nothing}
              <div class="muted">${e.appointment ? `Appointment ${time(e.appointment.startsAt)}` : 'Walk-in'}</div>
            </td>
            <td class=${e.priority === 'emergency' ? 'emergency' : ''}>${PRIORITY_LABELS[e.priority] ?? e.priority}</td>
            <td>${minutes(this.now - Date.parse(e.checkedInAt))}</td>
            <td>${e.etaMinutes === null ? '–' : `${e.etaMinutes} min`}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderStats(view: DoctorQueueView) {
    const s = view.stats;
    return html`<section aria-labelledby="stats-title" style="margin-top:1.5rem">
      <h2 id="stats-title">Today</h2>
      <dl>
        <dt>Waiting</dt><dd>${s.waiting_count}</dd>
        <dt>Completed today</dt><dd>${s.completed_today}</dd>
        <dt>Average wait</dt><dd>${s.average_wait_minutes === null ? '–' : `${Math.round(s.average_wait_minutes)} min`}</dd>
        <dt>Average consultation</dt><dd>${s.average_consultation_minutes === null ? '–' : `${Math.round(s.average_consultation_minutes)} min`}</dd>
      </dl>
    </section>`;
  }

  /** Finds the signed-in doctor's profile, whose id names their queue channel. */
  private async loadProfile(): Promise<void> {
    try {
      const { doctors } = await apiGet<{ doctors: DoctorProfileView[] }>('/api/doctors');
      const mine = doctors.find((d) => d.userId === this.user.id);
      if (!mine) {
        this.problem = 'Your account has no doctor profile yet, so there is no queue to show. Ask the clinic administrator to add one.';
        return;
      }
      this.profile = mine;
      this.realtime.subscribe(`doctor:${mine.id}`);
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : 'Your queue could not be loaded. Please reload the page.';
    }
  }

  private onMessage(message: ServerMessage): void {
    if (message.type === 'queue_update' && message.view && message.view.doctor.id === this.profile?.id) {
      this.view = message.view;
      if (message.view.current?.status === 'in_consultation') this.recordEntry = message.view.current;
    } else if (message.type === 'action_result') {
      const action = this.pending.get(message.requestId);
      if (!action) return;
      this.pending.delete(message.requestId);
      this.say(message.entry ? `${message.entry.token} ${action.done}.` : 'Nobody is waiting.', false);
    } else if (message.type === 'error' && message.requestId && this.pending.has(message.requestId)) {
      this.pending.delete(message.requestId);
      this.say(message.error.message, true);
    }
  }

  /** Sends a queue step over the WebSocket, with the version of the entry the screen shows. */
  private send(action: ConsoleAction): void {
    const current = this.view?.current ?? null;
    if (!this.view || !action.enabled(current)) return;
    const requestId = `console-${Date.now()}-${++requestCounter}`;
    const message: StaffAction =
      action.type === 'call_next'
        ? { type: 'call_next', requestId }
        : { type: action.type, requestId, entryId: current!.id, expectedVersion: current!.version };
    if (!this.realtime.client?.send(message)) {
      this.say('Not connected to the clinic server right now. Wait for the connection to come back and try again.', true);
      return;
    }
    this.pending.set(requestId, action);
  }

  private say(text: string, refused: boolean): void {
    this.announcement = text;
    this.refused = refused;
  }

  private onRecordSigned(event: RecordSignedEvent): void {
    this.recordEntry = event.detail.completed;
    const { called } = event.detail;
    this.say(`Record signed. ${called ? `${called.token} called.` : 'Nobody is waiting.'}`, false);
  }

  /** One-key shortcuts, unless the doctor is typing in a field or holding a modifier. */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const target = event.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const action = ACTIONS.find((a) => a.key === event.key.toLowerCase());
    if (!action) return;
    event.preventDefault();
    this.send(action);
  };
}

function statusLabel(entry: StaffQueueEntry): string {
  return entry.status === 'called' ? `Called${entry.recallCount ? ` (recalled ${entry.recallCount}×)` : ''}` : entry.status === 'in_consultation' ? 'In consultation' : entry.status;
}

function minutes(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-doctor-console': MqDoctorConsole;
  }
}
