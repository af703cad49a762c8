import { dayInZone, formatCalendarDate, formatDateOf, formatDateTime } from '../../../common/clinic-format';
import { conflict } from '../../errors';
import type { MedicalRecord } from '../../models';
import { ageOn, doctorName } from '../../queue/presenters';
import { assertMayReadRecord, auditRecord, resolveStaff } from './access';
import type { RecordRequester, RecordsContext } from './context';
import { findRecord, loadRecord } from './load';

/** What the printed prescription shows (server/views/prescription.hbs). */
export interface PrescriptionPage {
  clinicName: string;
  doctor: { name: string; licenseNumber: string };
  patient: { fullName: string; dateOfBirth: string; age: number | null; sex: string; medicalRecordNumber: string };
  allergies: string | null;
  /** The day it was signed, in the clinic's zone, in words ("2 December 2026"). */
  date: string;
  items: {
    number: number;
    medicine: string;
    dose: string | null;
    route: string | null;
    frequency: string | null;
    duration: string | null;
    instructions: string | null;
  }[];
  signedAt: string;
}

/**
 * The data for a printed prescription (audited as `prescription.print`). Only a signed record prints, so the paper
 * always matches the record as it stays; a record without medicines has nothing to print (409 `no_prescription`).
 */
export async function prescriptionPage(
  ctx: Pick<RecordsContext, 'timeZone'>,
  clinicName: string,
  id: number,
  requester: RecordRequester,
): Promise<PrescriptionPage> {
  const staff = await resolveStaff(requester);
  await assertMayReadRecord(staff, await findRecord(id));
  const record = await loadRecord(id);
  if (record.status !== 'signed' || !record.signedAt) {
    throw conflict('record_not_signed', 'Sign the record before printing its prescription.');
  }
  const items = record.prescriptionItems ?? [];
  if (!items.length) throw conflict('no_prescription', 'This record has no medicines to print.');
  await auditRecord(staff, 'prescription.print', record, undefined, { items: items.length });
  return pageOf(record, clinicName, ctx.timeZone);
}

/** The printed prescription of a loaded, signed record (the staff route above, and the patient's own on /me). */
export function pageOf(record: MedicalRecord, clinicName: string, timeZone: string): PrescriptionPage {
  const signed = record.signedAt!;
  const patient = record.patient!;
  return {
    clinicName,
    doctor: { name: record.doctor ? doctorName(record.doctor) : '', licenseNumber: record.doctor?.licenseNumber ?? '' },
    patient: {
      fullName: patient.fullName,
      dateOfBirth: formatCalendarDate(patient.dateOfBirth),
      age: ageOn(patient.dateOfBirth, dayInZone(signed, timeZone)),
      sex: patient.sex,
      medicalRecordNumber: patient.medicalRecordNumber,
    },
    allergies: patient.allergies ?? null,
    date: formatDateOf(signed, timeZone),
    items: (record.prescriptionItems ?? []).map((item, index) => ({
      number: index + 1,
      medicine: item.medicine,
      dose: item.dose ?? null,
      route: item.route ?? null,
      frequency: item.frequency ?? null,
      duration: item.duration ?? null,
      instructions: item.instructions ?? null,
    })),
    signedAt: `${formatDateTime(signed, timeZone)} (${timeZone})`,
  };
}
