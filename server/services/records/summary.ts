import { Op, type WhereOptions } from 'sequelize';
import type { PatientSummary, VisitSummary } from '../../../common/records';
import { notFound } from '../../errors';
import { Department, DoctorProfile, MedicalRecord, Patient, PrescriptionItem, QueueEntry, User } from '../../models';
import { ageOn, doctorName } from '../../queue/presenters';
import { presentItem } from '../../presenters/records';
import { clinicDay } from '../clinic-time';
import { audit } from '../audit';
import { patientHistoryScope, resolveStaff, visitsOfDoctor } from './access';
import type { RecordRequester, RecordsContext } from './context';
import { icd10Entry } from './icd10';

/** A visit with its record (QueueEntry declares no `medicalRecord`: the association is issue 6's). */
type VisitRow = QueueEntry & { medicalRecord?: MedicalRecord | null };

/** Which page of past visits to show. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * The patient summary at the top of the console: who the patient is, and their past visits (completed, or with a
 * signed record), newest first, paged. Doctors see every department's visits of a patient they are seeing now (or
 * with a recorded reason), else their own department's, with diagnoses and prescriptions; admins see all; reception sees the visits without any clinical field (and no blood group or
 * allergies). A summary with clinical data is audited as a record read.
 */
export async function patientSummary(
  ctx: Pick<RecordsContext, 'timeZone' | 'now'>,
  patientId: number,
  paging: PageRequest,
  requester: RecordRequester,
  reason?: string,
): Promise<PatientSummary> {
  const staff = await resolveStaff(requester);
  // Access first, then existence: a missing patient and one without a clinical relationship answer alike.
  const { scope, basis } = await patientHistoryScope(staff, patientId, reason);
  const patient = await Patient.findByPk(patientId);
  if (!patient) throw notFound('That patient');
  const clinical = staff.role !== 'reception';

  const conditions: WhereOptions[] = [
    { patientId },
    { [Op.or]: [{ status: 'completed' }, { '$medicalRecord.status$': 'signed' }] },
  ];
  if (staff.doctor && scope === 'department') conditions.push(visitsOfDoctor(staff.doctor));
  const where = { [Op.and]: conditions };
  const recordInclude = { model: MedicalRecord, as: 'medicalRecord', required: false };
  const [total, entries] = await Promise.all([
    QueueEntry.count({ where, include: [recordInclude], distinct: true, col: 'id' }),
    QueueEntry.findAll({
      where,
      include: [
        recordInclude,
        { model: Department, as: 'department', attributes: ['id', 'name'] },
        { model: DoctorProfile, as: 'doctor', include: [{ model: User, as: 'user', attributes: ['id', 'fullName'] }] },
      ],
      order: [['checkedInAt', 'DESC'], ['id', 'DESC']],
      limit: paging.pageSize,
      offset: (paging.page - 1) * paging.pageSize,
      subQuery: false,
    }) as Promise<VisitRow[]>,
  ]);

  const signed = entries.map((e) => e.medicalRecord).filter((r): r is MedicalRecord => r?.status === 'signed');
  const items = clinical && signed.length
    ? await PrescriptionItem.findAll({ where: { medicalRecordId: signed.map((r) => r.id) } })
    : [];
  const visits: VisitSummary[] = entries.map((entry) => {
    const record = entry.medicalRecord?.status === 'signed' ? entry.medicalRecord : null;
    return {
      queueEntryId: entry.id,
      clinicDay: entry.clinicDay,
      department: { id: entry.departmentId, name: entry.department?.name ?? '' },
      doctor: entry.doctor ? { id: entry.doctor.id, name: doctorName(entry.doctor) } : null,
      status: entry.status,
      record:
        clinical && record
          ? {
              id: record.id,
              signedAt: record.signedAt ? record.signedAt.toISOString() : null,
              diagnosis: record.diagnosis ?? null,
              icd10: record.icd10Code ? (icd10Entry(record.icd10Code) ?? null) : null,
              items: items
                .filter((i) => i.medicalRecordId === record.id)
                .sort((a, b) => a.position - b.position || a.id - b.id)
                .map((i) => presentItem(i, patient.allergies)),
            }
          : null,
    };
  });

  // Reception's summary has no clinical field but still a person's details: audited as a profile read.
  await audit({
    userId: staff.userId,
    action: clinical ? 'record.read' : 'patient.read',
    entityType: 'patient',
    entityId: patient.id,
    patientId: patient.id,
    ip: staff.ip,
    details: { via: 'patient_summary', basis, ...(basis === 'reason' ? { reason: reason!.trim() } : {}), recordIds: signed.map((r) => r.id) },
  });
  return {
    patient: {
      id: patient.id,
      fullName: patient.fullName,
      age: ageOn(patient.dateOfBirth, clinicDay(ctx.now(), ctx.timeZone)),
      sex: patient.sex,
      medicalRecordNumber: patient.medicalRecordNumber,
      insurance: { provider: patient.insuranceProvider ?? null, number: patient.insuranceNumber ?? null },
    },
    clinical: clinical ? { bloodGroup: patient.bloodGroup ?? null, allergies: patient.allergies ?? null } : null,
    scope,
    visits: { items: visits, page: paging.page, pageSize: paging.pageSize, total },
  };
}
