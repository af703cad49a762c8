import type { MedicalRecord } from '../../models';
import type { RecordRequester, RecordsContext } from './context';
import type { DraftChanges } from './draft-state';
import { openRecord, readRecord, saveDraft } from './drafts';
import { prescriptionPage, type PrescriptionPage } from './prescription';
import { addAddendum, signRecord, type SignOffResult } from './sign-off';
import { patientSummary, type PageRequest } from './summary';
import type { PatientSummary } from '../../../common/records';

export type { RecordRequester, RecordsContext } from './context';
export type { DraftChanges } from './draft-state';

/**
 * Consultation records (issue 6): the doctor's draft of a visit, autosaved with revisions, signed off together with
 * completing the visit and calling the next patient, corrected by addenda afterwards, printed as a prescription.
 * Every read and write is audited; access rules are in access.ts.
 */
export class RecordsService {
  constructor(private readonly ctx: RecordsContext) {}

  /** Gets or creates the draft of a visit the doctor is serving; `created` tells which (201 or 200). */
  open(queueEntryId: number, requester: RecordRequester): Promise<{ record: MedicalRecord; created: boolean }> {
    return openRecord(this.ctx, queueEntryId, requester);
  }

  /** Reads one record (audited with its basis; `reason` opens a record outside the usual rules, recorded). */
  read(id: number, requester: RecordRequester, reason?: string): Promise<MedicalRecord> {
    return readRecord(id, requester, reason);
  }

  /** Autosaves a draft based on `revision` (PUT: every field; PATCH: the keys sent). */
  save(id: number, revision: number, changes: DraftChanges, confirmAllergy: boolean, requester: RecordRequester) {
    return saveDraft(this.ctx, id, revision, changes, confirmAllergy, requester);
  }

  /** Signs the record, completes the visit and calls the next patient, in one transaction. */
  sign(id: number, revision: number, expectedVersion: number, requester: RecordRequester): Promise<SignOffResult> {
    return signRecord(this.ctx, id, revision, expectedVersion, requester);
  }

  /** Adds a signed, time-stamped correction to a signed record. */
  addAddendum(id: number, text: string, requester: RecordRequester): Promise<MedicalRecord> {
    return addAddendum(this.ctx, id, text, requester);
  }

  /** The data of the printable prescription. */
  prescription(id: number, clinicName: string, requester: RecordRequester): Promise<PrescriptionPage> {
    return prescriptionPage(this.ctx, clinicName, id, requester);
  }

  /** The patient summary at the top of the console. */
  patientSummary(patientId: number, paging: PageRequest, requester: RecordRequester, reason?: string): Promise<PatientSummary> {
    return patientSummary(this.ctx, patientId, paging, requester, reason);
  }
}
