import { allergyMatches } from '../../common/allergies';
import type { AddendumView, PrescriptionItemView, RecordView } from '../../common/records';
import { computeBmi, vitalFlags, type Vitals } from '../../common/vitals';
import type { MedicalRecord, PrescriptionItem, RecordAddendum } from '../models';
import { icd10Entry } from '../services/records/icd10';
import { doctorName } from '../queue/presenters';

/** The vitals of a record, every field present (null when not measured). */
export function vitalsOf(record: MedicalRecord): Vitals {
  return {
    bpSystolicMmhg: record.bpSystolicMmhg ?? null,
    bpDiastolicMmhg: record.bpDiastolicMmhg ?? null,
    pulseBpm: record.pulseBpm ?? null,
    spo2Percent: record.spo2Percent ?? null,
    temperatureC: record.temperatureC ?? null,
    respiratoryRatePerMin: record.respiratoryRatePerMin ?? null,
    weightKg: record.weightKg ?? null,
    heightCm: record.heightCm ?? null,
  };
}

/** One prescription row, with the recorded allergies its medicine matches. */
export function presentItem(item: PrescriptionItem, allergies: string | null | undefined): PrescriptionItemView {
  return {
    id: item.id,
    position: item.position,
    medicine: item.medicine,
    dose: item.dose ?? null,
    route: item.route ?? null,
    frequency: item.frequency ?? null,
    duration: item.duration ?? null,
    instructions: item.instructions ?? null,
    allergyMatches: allergyMatches(item.medicine, allergies),
    allergyConfirmed: Boolean(item.allergyConfirmed),
  };
}

/** An addendum with its author. */
export function presentAddendum(addendum: RecordAddendum): AddendumView {
  return {
    id: addendum.id,
    text: addendum.text,
    author: {
      id: addendum.authorId,
      fullName: addendum.author?.fullName ?? `User ${addendum.authorId}`,
      role: addendum.author?.role ?? 'unknown',
    },
    createdAt: addendum.createdAt.toISOString(),
  };
}

/** A record as the doctor console shows it. Expects what loadRecord includes. */
export function presentRecord(record: MedicalRecord): RecordView {
  const vitals = vitalsOf(record);
  const allergies = record.patient?.allergies;
  const icd = record.icd10Code ? (icd10Entry(record.icd10Code) ?? { code: record.icd10Code, title: '' }) : null;
  return {
    id: record.id,
    queueEntryId: record.queueEntryId,
    patientId: record.patientId,
    doctor: {
      id: record.doctorId,
      name: record.doctor ? doctorName(record.doctor) : `Doctor ${record.doctorId}`,
      licenseNumber: record.doctor?.licenseNumber ?? '',
    },
    status: record.status,
    revision: record.revision,
    vitals,
    bmi: computeBmi(vitals.weightKg, vitals.heightCm),
    flags: vitalFlags(vitals),
    chiefComplaint: record.chiefComplaint ?? null,
    diagnosis: record.diagnosis ?? null,
    icd10: icd,
    notes: record.notes ?? null,
    items: (record.prescriptionItems ?? []).map((item) => presentItem(item, allergies)),
    addenda: (record.addenda ?? []).map(presentAddendum),
    signedAt: record.signedAt ? record.signedAt.toISOString() : null,
    signedBy: record.signedBy ? { id: record.signedBy, fullName: record.signer?.fullName ?? `User ${record.signedBy}` } : null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}
