import type { Encounter, EncounterStatusHistory } from 'fhir/r4';
import type { MedicalRecord, QueueEntry } from '../models';
import { ACT_CODE, instant, meta, ref, TOKEN_SYSTEM } from './codes';
import { hasDiagnosis } from './condition';

/**
 * The queue stages of a visit as FHIR encounter statuses: waiting (and being called) is `arrived`, the consultation
 * `in-progress`; each period ends where the next stage began.
 */
function statusHistory(entry: QueueEntry): EncounterStatusHistory[] {
  const history: EncounterStatusHistory[] = [];
  const arrivedEnd = entry.consultationStartedAt ?? entry.completedAt;
  history.push({ status: 'arrived', period: { start: instant(entry.checkedInAt), ...(arrivedEnd ? { end: instant(arrivedEnd) } : {}) } });
  if (entry.consultationStartedAt) {
    history.push({
      status: 'in-progress',
      period: { start: instant(entry.consultationStartedAt), ...(entry.completedAt ? { end: instant(entry.completedAt) } : {}) },
    });
  }
  return history;
}

/**
 * One visit (a queue entry with its signed record, `department` loaded) as a FHIR Encounter: ambulatory, the queue
 * token as identifier, the stages as `statusHistory`, the doctor who signed as participant, the complaint as reason
 * and the record's diagnosis as the Condition it points to.
 */
export function toFhirEncounter(entry: QueueEntry, record: MedicalRecord): Encounter {
  return {
    resourceType: 'Encounter',
    id: String(entry.id),
    // The record's time, as for every resource made from a signed visit: the entry no longer changes once the visit
    // is completed, which signing does.
    meta: meta(record.updatedAt),
    identifier: [{ system: TOKEN_SYSTEM, value: `${entry.clinicDay}/${entry.token}` }],
    status: entry.completedAt ? 'finished' : 'in-progress',
    statusHistory: statusHistory(entry),
    class: { system: ACT_CODE, code: 'AMB', display: 'ambulatory' },
    ...(entry.department ? { serviceType: { text: entry.department.name } } : {}),
    ...(entry.priority !== 'normal' ? { priority: { text: entry.priority } } : {}),
    subject: ref('Patient', record.patientId),
    participant: [{ individual: ref('Practitioner', record.doctorId) }],
    ...(entry.appointmentId ? { appointment: [ref('Appointment', entry.appointmentId)] } : {}),
    period: { start: instant(entry.checkedInAt), ...(entry.completedAt ? { end: instant(entry.completedAt) } : {}) },
    ...(record.chiefComplaint ? { reasonCode: [{ text: record.chiefComplaint }] } : {}),
    ...(hasDiagnosis(record) ? { diagnosis: [{ condition: ref('Condition', record.id), rank: 1 }] } : {}),
  };
}
