import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Icd10Entry, RecordView } from '../../../common/records';
import { VITAL_FIELDS, type VitalField } from '../../../common/vitals';
import { ApiError, apiFetch, apiPost } from '../../../common/web/api';
import { AutosaveController } from '../shared/autosave-controller';
import { draftStore, type LocalDraft } from './draft-store';
import type { PrescriptionRow } from './mq-prescription-rows';
import { buildPatch, formProblems, type FieldProblem, type RecordForm } from './record-form';

/** Where the draft's save stands, as the record's header says it. */
export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * The consultation record's draft as a reactive controller (issue 12 split it out of `mq-consultation-record`):
 * opens or finds the visit's draft, holds the form as typed, saves it as the doctor types (autosave), keeps unsaved
 * edits in the browser (local drafts) and sends them again when the same doctor signs in after the session ended.
 * Each field is checked with the server's own schema: a field with a problem is marked and left out of the save, so
 * every other field still saves. The host draws the form and owns sign-off.
 */
export class RecordDraftController implements ReactiveController {
  record: RecordView | null = null;
  form: RecordForm = blankForm();
  /** Fields the server refused (422), by path, until they are edited again. */
  refused: FieldProblem[] = [];
  saveState: SaveState = 'idle';
  /** A refusal or failure to show above the form, in the server's words. */
  problem = '';
  /** The server's allergy refusal, waiting for the doctor's answer. */
  allergyQuestion = '';

  /** Saves after a pause in typing, one save at a time; paused while a save waits for the doctor to sign in again. */
  readonly autosave: AutosaveController;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The visit's queue entry id, and the signed-in doctor (unsaved edits are kept in the browser under their id). */
    private readonly visit: () => { entryId: number; userId: number },
  ) {
    host.addController(this);
    this.autosave = new AutosaveController(
      host,
      (force) => {
        this.saveState = 'saving';
        this.host.requestUpdate();
        return this.sendPatch(force);
      },
      () => this.record?.status === 'draft',
    );
  }

  hostConnected(): void {
    window.addEventListener('session-renewed', this.onSessionRenewed);
  }

  hostDisconnected(): void {
    window.removeEventListener('session-renewed', this.onSessionRenewed);
  }

  /** Every field that cannot be saved as it is: the form's own checks, then the server's refusals. */
  problems(): FieldProblem[] {
    const own = formProblems(this.form);
    return [...own, ...this.refused.filter((r) => !own.some((p) => p.path === r.path))];
  }

  /** Opens (or, after a reload, finds) the visit's draft and puts back edits kept in the browser. */
  async open(): Promise<void> {
    this.record = null;
    this.problem = '';
    this.refused = [];
    this.host.requestUpdate();
    try {
      const record = await apiPost<RecordView>('/api/records', { queueEntryId: this.visit().entryId });
      this.load(record);
      this.restoreLocalDraft(record);
    } catch (error) {
      this.problem = messageOf(error);
      this.host.requestUpdate();
    }
  }

  /** Puts a record from the server into the form. */
  load(record: RecordView): void {
    this.record = record;
    this.form = {
      vitals: Object.fromEntries(VITAL_FIELDS.map((f) => [f, record.vitals[f] === null ? '' : String(record.vitals[f])])) as Record<VitalField, string>,
      texts: { chiefComplaint: record.chiefComplaint ?? '', diagnosis: record.diagnosis ?? '', notes: record.notes ?? '' },
      icd10: record.icd10,
      rows: record.items.map((i) => ({
        id: i.id, medicine: i.medicine, dose: i.dose ?? '', route: i.route ?? '', frequency: i.frequency ?? '', duration: i.duration ?? '', instructions: i.instructions ?? '',
      })),
    };
    this.host.requestUpdate();
  }

  /** A record the server changed apart from the form (an addendum to a signed one). */
  replace(record: RecordView): void {
    this.record = record;
    this.host.requestUpdate();
  }

  /** Applies a change to the form (clearing the server's refusal of that field) and schedules the autosave. */
  edit(path: string, change: Partial<RecordForm>): void {
    this.form = { ...this.form, ...change };
    this.refused = this.refused.filter((r) => !(r.path === path || (path === 'items' && r.path.startsWith('items.'))));
    this.host.requestUpdate();
    if (this.record?.status !== 'draft') return;
    const { userId } = this.visit();
    if (userId) draftStore.save(userId, this.record.id, this.localDraft());
    this.saveState = 'pending';
    this.autosave.changed();
  }

  /** Saves the draft now (one save at a time; changes made meanwhile are saved right after). */
  save(confirmAllergy = false): Promise<void> {
    return this.autosave.saveNow(confirmAllergy);
  }

  /** The doctor answered the allergy question: save with the confirmation. */
  async confirmAllergy(): Promise<void> {
    this.allergyQuestion = '';
    this.host.requestUpdate();
    await this.save(true);
  }

  /** The record was signed: the browser's copy of its edits goes. */
  signed(record: RecordView): void {
    this.load(record);
    const { userId } = this.visit();
    if (userId) draftStore.forget(userId, record.id);
  }

  /**
   * Puts back edits that never reached the server (the session ended, the tab closed while offline) and saves
   * them. Only onto the revision they were made on: a record changed since (another tab) wins, and the doctor is told.
   */
  private restoreLocalDraft(record: RecordView): void {
    const { userId } = this.visit();
    const local = userId ? draftStore.read(userId, record.id) : null;
    if (!local) return;
    if (record.status !== 'draft' || local.revision !== record.revision) {
      draftStore.forget(userId, record.id);
      if (record.status === 'draft') this.problem = 'Changes kept on this computer were older than the saved record and were not put back.';
      this.host.requestUpdate();
      return;
    }
    this.edit('', { vitals: local.vitals, texts: local.texts, icd10: local.icd10, rows: local.rows });
    void this.save();
  }

  private localDraft(): LocalDraft {
    return { revision: this.record!.revision, ...this.form };
  }

  private async sendPatch(confirmAllergy: boolean): Promise<void> {
    const record = this.record!;
    const { entryId, userId } = this.visit();
    // A field with a problem stays on screen, marked, and is not sent, so the rest of the draft still saves.
    const blocked = new Set(this.problems().map((p) => p.path));
    const body = buildPatch(this.form, record.revision, blocked, confirmAllergy);
    try {
      const saved = await apiFetch<RecordView>(`/api/records/${record.id}`, { method: 'PATCH', body });
      this.record = saved;
      // Keep what the doctor is typing; take only the row ids the server gave, matched by medicine, each id once.
      const unclaimed = [...saved.items];
      const rows: PrescriptionRow[] = this.form.rows.map((r) => {
        const at = unclaimed.findIndex((i) => i.medicine === r.medicine.trim());
        return { ...r, id: at < 0 ? undefined : unclaimed.splice(at, 1)[0].id };
      });
      this.form = { ...this.form, rows };
      this.problem = '';
      this.allergyQuestion = '';
      this.saveState = this.autosave.dirty ? 'pending' : 'saved';
      if (userId) {
        if (this.autosave.dirty || blocked.size) draftStore.save(userId, saved.id, this.localDraft());
        else draftStore.forget(userId, saved.id);
      }
    } catch (error) {
      this.saveState = 'error';
      if (error instanceof ApiError && error.status === 401) {
        // Kept in memory and in the browser (edit() stored it); saved again right after the doctor signs in.
        this.autosave.dirty = true;
        this.autosave.paused = true;
        this.problem = 'Your session has ended, so these changes are not saved yet. Sign in again to save them; they are kept on this computer meanwhile.';
      } else if (error instanceof ApiError && error.id === 'allergy_conflict') {
        this.allergyQuestion = error.message;
      } else if (error instanceof ApiError && error.id === 'stale_draft') {
        this.problem = `${error.message} The latest saved version is shown.`;
        this.load(await apiPost<RecordView>('/api/records', { queueEntryId: entryId }));
      } else if (error instanceof ApiError && error.fields?.length) {
        // The server refused some fields: mark them in place and save the others right away without them.
        const fresh = error.fields.filter((f) => !this.refused.some((r) => r.path === f.path));
        this.refused = [...this.refused, ...fresh];
        if (fresh.length) this.autosave.dirty = true;
        else this.problem = error.message;
      } else {
        this.problem = messageOf(error);
      }
    } finally {
      this.host.requestUpdate();
    }
  }

  /** The same doctor signed in again: send what the ended session refused. */
  private readonly onSessionRenewed = (): void => {
    if (!this.autosave.paused) return;
    this.autosave.paused = false;
    this.problem = '';
    void this.save();
  };
}

function blankForm(): RecordForm {
  return {
    vitals: Object.fromEntries(VITAL_FIELDS.map((f) => [f, ''])) as Record<VitalField, string>,
    texts: { chiefComplaint: '', diagnosis: '', notes: '' },
    icd10: null as Icd10Entry | null,
    rows: [],
  };
}

/** A failure in the server's words, or a plain fallback. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
}
