import type { Icd10Entry } from '../../../common/records';
import type { VitalField } from '../../../common/vitals';
import type { PrescriptionRow } from './mq-prescription-rows';

/** The consultation form as typed, not yet saved on the server. */
export interface LocalDraft {
  /** The record revision the edits were made on; they are put back only onto that same revision. */
  revision: number;
  vitals: Record<VitalField, string>;
  texts: { chiefComplaint: string; diagnosis: string; notes: string };
  icd10: Icd10Entry | null;
  rows: PrescriptionRow[];
}

/** Keyed by user and record: another doctor signing in on the same computer never gets (or sends) these edits. */
const keyOf = (userId: number, recordId: number) => `mq-record-draft:${userId}:${recordId}`;

/**
 * Unsaved record edits kept in the browser's localStorage, so a lost session, connection or tab does not lose them.
 * Written on every change, removed once the server has everything. Storage can be full or blocked (private
 * windows): then the edits still live in memory, which is all this adds to.
 */
export const draftStore = {
  save(userId: number, recordId: number, draft: LocalDraft): void {
    try {
      localStorage.setItem(keyOf(userId, recordId), JSON.stringify(draft));
    } catch {
      // Storage unavailable: the edits stay in memory only.
    }
  },

  read(userId: number, recordId: number): LocalDraft | null {
    try {
      const text = localStorage.getItem(keyOf(userId, recordId));
      const draft = text ? (JSON.parse(text) as LocalDraft) : null;
      return draft && typeof draft.revision === 'number' && Array.isArray(draft.rows) ? draft : null;
    } catch {
      return null;
    }
  },

  forget(userId: number, recordId: number): void {
    try {
      localStorage.removeItem(keyOf(userId, recordId));
    } catch {
      // Nothing to remove.
    }
  },
};
