import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { DoctorProfileView } from '../../../common/admin';
import type { DoctorQueueView, StaffQueueEntry, StaffUser } from '../../../common/api';
import type { EntryActionType, ServerMessage, StaffAction } from '../../../common/protocol';
import { ApiError, SESSION_ENDED_IDS, SESSION_EXPIRED_EVENT, apiGet } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import { doctorConsoleStyles } from './doctor-console-styles';
import { LiveController } from '../shared/live-controller';
import { nextRequestId, StaffRequestsController } from '../shared/staff-requests-controller';
import { ShortcutController } from '../shared/shortcut-controller';
import { TickController } from '../shared/tick-controller';
import type { EntryStepEvent, RecordSignedEvent } from '../shared/events';
import './mq-consultation-record';
import './mq-doctor-waiting';
import type { MqDoctorWaiting } from './mq-doctor-waiting';
import './mq-transfer-dialog';
import './mq-recent-records';
import './mq-walk-in-patient';
import { SIGNED_LINK_MS, type RecentRecord } from './mq-recent-records';
import type { MqTransferDialog, TransferChoice } from './mq-transfer-dialog';

/** A console button: what it does, its key, and when it applies to the current patient. */
interface ConsoleAction {
  key: string;
  label: string;
  type: 'call_next' | 'transfer' | EntryActionType;
  enabled: (current: StaffQueueEntry | null) => boolean;
  /** What to say once the server confirmed it. */
  done: string;
}

const serving = (c: StaffQueueEntry | null) => c?.status === 'called' || c?.status === 'in_consultation';

const ACTIONS: ConsoleAction[] = [
  { key: 'n', label: 'Call next', type: 'call_next', enabled: (c) => !c, done: 'called' },
  { key: 'r', label: 'Recall', type: 'recall', enabled: (c) => c?.status === 'called', done: 'called again' },
  { key: 's', label: 'No-show', type: 'skip', enabled: (c) => c?.status === 'called', done: 'marked as a no-show' },
  { key: 'c', label: 'Start consultation', type: 'start_consultation', enabled: (c) => c?.status === 'called', done: 'in consultation' },
  { key: 'd', label: 'Complete', type: 'complete', enabled: serving, done: 'completed' },
  { key: 't', label: 'Transfer', type: 'transfer', enabled: serving, done: 'transferred' },
];

/** What to say after the steps that are not console buttons. */
const DONE: Partial<Record<EntryActionType, string>> = { call_token: 'called', return_to_queue: 'returned to the queue' };

/**
 * The doctor's console (issue 6): the doctor's live queue from the `doctor:<id>` channel (the patient being seen,
 * the waiting list and today's figures), the queue steps as buttons with one-key shortcuts sent over the WebSocket,
 * refusals read out in plain words, and the consultation record of the patient in consultation.
 */
@customElement('mq-doctor-console')
export class MqDoctorConsole extends LitElement {
  static styles = [baseStyles, staffButtonStyles, doctorConsoleStyles];

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
   * The visit whose record is on screen: always the patient of the queue card (issue 19). The patient in
   * consultation; after a completion with D, the same visit until it is signed or another patient is called; after
   * sign-off, nobody (the record closes, and a link to it stays under the card for a minute).
   */
  @state() private recordEntry: StaffQueueEntry | null = null;
  /** Records closed because their patient left the queue card, as links. */
  @state() private recent: RecentRecord[] = [];

  /** The doctor's channel on the page's one socket (the shell's, through `@lit/context`). */
  private readonly live = new LiveController(this, { onMessage: (m) => this.onMessage(m) });
  private readonly requests = new StaffRequestsController(this, (message) => this.live.send(message));
  /** Ages in the waiting list, and the "Signed: ..." links that go after a minute. */
  private readonly clock = new TickController(this);
  /** The steps' one-key shortcuts (N, R, S, C, D, T, K, U). */
  private readonly shortcuts = new ShortcutController(this, (key) => this.onShortcut(key));

  @query('mq-transfer-dialog') private transferDialog!: MqTransferDialog;
  @query('mq-doctor-waiting') private waitingList!: MqDoctorWaiting;

  connectedCallback(): void {
    super.connectedCallback();
    if (!this.profile) void this.loadProfile();
  }

  render() {
    if (this.problem) return html`<h2>Your queue</h2><p role="alert">${this.problem}</p>`;
    const view = this.view;
    const current = view?.current ?? null;
    const recordEntry = this.recordEntry;
    // The queue card: the patient with the doctor, or the visit just completed whose record is still to be signed.
    const card = current ?? recordEntry;
    return html`
      <div class="grid ${recordEntry ? 'with-record' : ''}">
        <div>
          <section aria-labelledby="now-title">
            <h2 id="now-title">Your queue${this.profile ? html` <span class="muted">· ${this.profile.room}</span>` : nothing}</h2>
            ${!view
              ? html`<p class="muted">Loading your queue…</p>`
              : card
                ? html`<div class="current" data-status=${card.status} data-patient-id=${card.patient?.id ?? ''}>
                    <span class="token">${card.token}</span>
                    <span class="who">${card.patient?.fullName ?? 'Unregistered walk-in'}</span>
                    <span class="muted">${statusLabel(card)}</span>
                  </div>`
                : html`<p class="current muted">No patient with you now.</p>`}
            <div class="actions">
              ${ACTIONS.map(
                (a) => html`<button
                  type="button"
                  class=${a.type === 'call_next' || a.type === 'start_consultation' ? 'primary' : ''}
                  aria-keyshortcuts=${a.key.toUpperCase()}
                  ?disabled=${!view || !a.enabled(current)}
                  @click=${() => this.run(a)}
                >${a.label} <kbd>${a.key.toUpperCase()}</kbd></button>`,
              )}
            </div>
            ${current && !current.patient && serving(current)
              ? html`<mq-walk-in-patient .entry=${current} @walk-in-named=${this.onWalkInNamed}></mq-walk-in-patient>`
              : nothing}
            <p class="live ${this.refused ? 'refused' : ''}" aria-live="polite" role="status">${this.announcement}</p>
            <mq-recent-records .items=${this.recent} .userId=${this.user.id} .now=${this.clock.now} @record-signed=${this.onRecentSigned}></mq-recent-records>
          </section>
          ${recordEntry
            ? html`<mq-consultation-record .entry=${recordEntry} .userId=${this.user.id} @record-signed=${this.onRecordSigned}></mq-consultation-record>`
            : nothing}
        </div>
        <div>
          <section>
            ${view
              ? html`<mq-doctor-waiting
                  .waiting=${view.waiting}
                  .missed=${view.missed ?? []}
                  .now=${this.clock.now}
                  ?canCall=${!current}
                  @entry-step=${this.onEntryStep}
                ></mq-doctor-waiting>`
              : html`<h2>Waiting</h2><p class="muted">Loading…</p>`}
          </section>
          ${view ? this.renderStats(view) : nothing}
        </div>
      </div>
      <mq-transfer-dialog .entry=${current} .doctorId=${this.profile?.id ?? 0} .submit=${this.transferCurrent}></mq-transfer-dialog>
    `;
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
      this.live.subscribe(`doctor:${mine.id}`);
    } catch (error) {
      this.problem = error instanceof ApiError ? error.message : 'Your queue could not be loaded. Please reload the page.';
    }
  }

  private onMessage(message: ServerMessage): void {
    if (message.type === 'queue_update' && message.view && message.view.doctor.id === this.profile?.id) {
      this.view = message.view;
      this.followCard(message.view.current);
    } else if (message.type === 'action_result') {
      // The record on screen must carry the visit's newest version and status (completed with D, for example).
      if (message.entry && message.entry.id === this.recordEntry?.id) this.recordEntry = message.entry;
      this.requests.answer(message);
    } else if (message.type === 'error') {
      if (SESSION_ENDED_IDS.has(message.error.id)) window.dispatchEvent(new CustomEvent(SESSION_EXPIRED_EVENT));
      this.requests.answer(message);
    }
  }

  /** Sends a step over the WebSocket; resolves with the entry as the server left it, rejects with its refusal. */
  private request(message: StaffAction): Promise<StaffQueueEntry | null> {
    return this.requests.send(message);
  }

  /** Runs a console button: the step on the current patient (or "call next"), or opens the transfer dialog. */
  private run(action: ConsoleAction): void {
    const current = this.view?.current ?? null;
    if (!this.view || !action.enabled(current)) return;
    if (action.type === 'transfer') {
      void this.transferDialog.open();
      return;
    }
    const requestId = nextRequestId();
    const message: StaffAction =
      action.type === 'call_next'
        ? { type: 'call_next', requestId }
        : { type: action.type, requestId, entryId: current!.id, expectedVersion: current!.version };
    void this.report(this.request(message), action.done);
  }

  /** Says what a step did, or the server's refusal. */
  private async report(result: Promise<StaffQueueEntry | null>, done: string): Promise<void> {
    try {
      const entry = await result;
      let text = entry ? `${entry.token} ${done}.` : 'Nobody is waiting.';
      if (entry && done === 'completed' && entry.id === this.recordEntry?.id && entry.status === 'completed') {
        text += ' Its record is not signed yet: sign it off below.';
      }
      this.say(text, false);
    } catch (error) {
      this.say((error as Error).message, true);
    }
  }

  /** "Call" on a waiting row (out of order) and "Return" on a missed one. */
  private readonly onEntryStep = (event: EntryStepEvent): void => {
    const { entry, step } = event.detail;
    const message: StaffAction = { type: step, requestId: nextRequestId(), entryId: entry.id, expectedVersion: entry.version };
    void this.report(this.request(message), DONE[step] ?? 'done');
  };

  /** The transfer dialog's submit: rejects with the server's refusal, which the dialog shows. */
  private readonly transferCurrent = async (choice: TransferChoice): Promise<void> => {
    const current = this.view?.current;
    if (!current) throw new Error('There is no patient with you to transfer.');
    const entry = await this.request({ type: 'transfer', requestId: nextRequestId(), entryId: current.id, expectedVersion: current.version, ...choice });
    // The patient who left is named by the token they had here; the new token is where they wait now.
    this.say(`${current.token} transferred${entry ? `; they now wait as ${entry.token}` : ''}.`, false);
  };

  private say(text: string, refused: boolean): void {
    this.announcement = text;
    this.refused = refused;
  }

  /**
   * Keeps the record on the queue card's patient: a newly current patient in consultation gets theirs; a record of a
   * visit that is no longer the card's (another patient called after a completion with D) closes into a link.
   */
  private followCard(current: StaffQueueEntry | null): void {
    const open = this.recordEntry;
    if (current && open && current.id !== open.id) {
      this.remember(open, false);
      this.recordEntry = null;
    }
    if (current && (current.status === 'in_consultation' || current.id === this.recordEntry?.id)) this.recordEntry = current;
  }

  /** Adds a link to a closed record (replacing an older link to the same visit). */
  private remember(entry: StaffQueueEntry, signed: boolean): void {
    const link: RecentRecord = { entry, signed, until: signed ? Date.now() + SIGNED_LINK_MS : null };
    this.recent = [link, ...this.recent.filter((r) => r.entry.id !== entry.id && (r.until === null || r.until > Date.now()))];
    // The console's clock ticks every 30 s; a signed link must go after a minute, not up to 30 s later.
    if (signed) this.clock.wakeAt(link.until!);
  }

  /** The doctor named the walk-in's patient: the card shows the name at once; the queue update follows. */
  private readonly onWalkInNamed = (event: CustomEvent<StaffQueueEntry>): void => {
    const entry = event.detail;
    if (this.view?.current?.id === entry.id) this.view = { ...this.view, current: entry };
    this.followCard(entry);
    this.say(`${entry.token} is ${entry.patient?.fullName ?? 'named'}.`, false);
  };

  /** A record signed from a link's dialog (a visit completed with D, then another patient called). */
  private readonly onRecentSigned = (event: RecordSignedEvent): void => {
    event.stopPropagation();
    this.remember(event.detail.completed, true);
    this.say(`Record signed for ${event.detail.completed.token}.`, false);
  };

  private onRecordSigned(event: RecordSignedEvent): void {
    // The patient who left takes their record with them: one patient on screen at a time.
    this.recordEntry = null;
    this.remember(event.detail.completed, true);
    const { called, completed } = event.detail;
    // A visit completed earlier (key D) is signed on its own: nobody is called then, whoever is waiting.
    const next = called ? ` ${called.token} called.` : this.view?.waiting.length || this.view?.current ? '' : ' Nobody is waiting.';
    this.say(`Record signed for ${completed.token}.${next}`, false);
  }

  /** A one-key shortcut (the controller has left out keys typed in fields and dialogs); true when it was one. */
  private onShortcut(key: string): boolean {
    if (key === 'k') {
      if (!this.waitingList?.focusCall()) this.say(this.view?.current ? 'Finish with the patient called before calling another.' : 'Nobody is waiting.', true);
      return true;
    }
    if (key === 'u') {
      const missed = this.view?.missed[0];
      if (missed) this.onEntryStep(new CustomEvent('entry-step', { detail: { entry: missed, step: 'return_to_queue' } }));
      return true;
    }
    const action = ACTIONS.find((a) => a.key === key);
    if (action) this.run(action);
    return action !== undefined;
  }
}

function statusLabel(entry: StaffQueueEntry): string {
  if (entry.status === 'called') return `Called${entry.recallCount ? ` (recalled ${entry.recallCount}×)` : ''}`;
  if (entry.status === 'in_consultation') return 'In consultation';
  if (entry.status === 'completed') return 'Completed · record not signed yet';
  return entry.status;
}

declare global {
  interface HTMLElementTagNameMap {
    'mq-doctor-console': MqDoctorConsole;
  }
}
