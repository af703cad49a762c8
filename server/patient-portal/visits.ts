import type { MyVisit } from '../../common/me';
import { VITAL_FIELDS } from '../../common/vitals';
import { dayInZone } from '../../common/clinic-format';
import { notFound } from '../errors';
import { Department, DoctorProfile, MedicalRecord, PrescriptionItem, User } from '../models';
import { audit } from '../services/audit';
import { icd10Entry } from '../services/records/icd10';
import { loadRecord } from '../services/records/load';
import { pageOf, type PrescriptionPage } from '../services/records/prescription';
import type { PatientActor } from './actor';

const INCLUDE = [
  {
    model: DoctorProfile,
    as: 'doctor',
    include: [
      { model: User, as: 'user', attributes: ['id', 'fullName'] },
      { model: Department, as: 'department', attributes: ['id', 'name'] },
    ],
  },
  { model: PrescriptionItem, as: 'prescriptionItems' },
];

/**
 * A signed record as its patient reads it: the diagnosis in words, measurements and medicines. Drafts never
 * leave the server; the doctor's notes and addenda are the clinic's working papers and are left out.
 */
function presentVisit(record: MedicalRecord, zone: string): MyVisit {
  const items = [...(record.prescriptionItems ?? [])].sort((a, b) => a.position - b.position || a.id - b.id);
  const icd = record.icd10Code ? icd10Entry(record.icd10Code) : undefined;
  return {
    id: record.id,
    signedAt: record.signedAt!.toISOString(),
    date: dayInZone(record.signedAt!, zone),
    doctor: record.doctor?.user?.fullName ?? '',
    department: record.doctor?.department?.name ?? '',
    chiefComplaint: record.chiefComplaint ?? null,
    diagnosis: record.diagnosis ?? null,
    icd10: icd ? { code: icd.code, title: icd.title } : null,
    vitals: VITAL_FIELDS.flatMap((field) => {
      const value = record[field];
      return value === null || value === undefined ? [] : [{ field, value: Number(value) }];
    }),
    prescription: items.map((i) => ({ medicine: i.medicine, dose: i.dose ?? null, frequency: i.frequency ?? null, duration: i.duration ?? null, instructions: i.instructions ?? null })),
    prescriptionUrl: items.length ? `/api/me/visits/${record.id}/prescription` : null,
  };
}

/** The patient's own signed visits, newest first; one audit row for the read. */
export async function myVisits(actor: PatientActor, zone: string): Promise<MyVisit[]> {
  const records = await MedicalRecord.findAll({
    where: { patientId: actor.patientId, status: 'signed' },
    include: INCLUDE,
    order: [['signedAt', 'DESC'], ['id', 'DESC']],
  });
  await audit({ ...actor.audit('patient.visits_read'), details: { ...actor.details, visits: records.length } });
  return records.map((r) => presentVisit(r, zone));
}

/**
 * One signed visit of the patient's own. Another patient's id, a draft, or no such record all answer the same 404,
 * so an id cannot be probed; the attempt is audited.
 */
export async function myVisit(actor: PatientActor, id: number, zone: string): Promise<MyVisit> {
  const record = await ownSignedRecord(actor, id);
  await audit({ ...actor.audit('patient.record_read'), entityType: 'medical_record', entityId: id });
  return presentVisit(record, zone);
}

/** The printable prescription of one of the patient's signed visits (audited as a print). */
export async function myPrescription(actor: PatientActor, id: number, clinicName: string, zone: string): Promise<PrescriptionPage> {
  const record = await ownSignedRecord(actor, id);
  if (!record.prescriptionItems?.length) throw notFound('That prescription');
  await audit({ ...actor.audit('patient.prescription_print'), entityType: 'medical_record', entityId: id });
  return pageOf(await loadRecord(id), clinicName, zone);
}

async function ownSignedRecord(actor: PatientActor, id: number): Promise<MedicalRecord> {
  const record = await MedicalRecord.findOne({ where: { id, patientId: actor.patientId, status: 'signed' }, include: INCLUDE });
  if (!record) {
    await audit({ ...actor.audit('patient.record_refused'), entityType: 'medical_record', entityId: id });
    throw notFound('That visit');
  }
  return record;
}
