import { Op } from 'sequelize';
import type { PatientVisit, TimelineEvent, VisitTimeline } from '../../../common/visits';
import { notFound } from '../../errors';
import { AuditLog, Department, DoctorProfile, MedicalRecord, QueueEntry, User } from '../../models';
import { doctorName } from '../../queue/presenters';

/** Every stage a visit can go through, in words. Reads and autosaves are not stages. */
const STAGES: Record<string, string> = {
  'queue.check_in': 'Checked in',
  'queue.attach_patient': 'Patient named',
  'queue.call_next': 'Called',
  'queue.call_token': 'Called (out of turn)',
  'queue.recall': 'Called again',
  'queue.skip': 'Marked as a no-show',
  'queue.return_to_queue': 'Returned to the queue',
  'queue.start_consultation': 'Consultation started',
  'queue.complete': 'Completed',
  'queue.transfer': 'Transferred',
  'queue.cancel': 'Left the queue',
  'record.create': 'Record started',
  'record.sign': 'Record signed',
  'record.addendum': 'Addendum added',
};

/** The entries of one visit: the entry, those it was transferred from, and those it was transferred to. */
async function visitEntries(entryId: number): Promise<QueueEntry[]> {
  const start = await QueueEntry.findByPk(entryId);
  if (!start) throw notFound('That visit');
  const chain = [start];
  for (let e = start; e.transferredFromId; ) {
    const earlier = await QueueEntry.findByPk(e.transferredFromId);
    if (!earlier) break;
    chain.unshift(earlier);
    e = earlier;
  }
  for (let e = start; ; ) {
    const later = await QueueEntry.findOne({ where: { transferredFromId: e.id } });
    if (!later) break;
    chain.push(later);
    e = later;
  }
  return chain;
}

function noteOf(action: string, details: Record<string, unknown> | null): string | null {
  if (!details) return null;
  if (action === 'queue.transfer') {
    const to = [details.toToken, details.toDepartment ?? details.toDepartmentName, details.toDoctor ?? details.toDoctorName].filter(Boolean).join(', ');
    return [to ? `to ${to}` : null, details.reason ? `reason: ${String(details.reason)}` : null].filter(Boolean).join(' · ') || null;
  }
  if (action === 'queue.check_in' && details.priority && details.priority !== 'normal') return `priority: ${String(details.priority)}`;
  return null;
}

/** The stages of the visits of `entries`' records and entries, oldest first. */
async function eventsOf(entries: QueueEntry[]): Promise<TimelineEvent[]> {
  const ids = entries.map((e) => e.id);
  const records = await MedicalRecord.findAll({ where: { queueEntryId: ids }, attributes: ['id', 'queueEntryId'] });
  const recordEntry = new Map(records.map((r) => [String(r.id), r.queueEntryId]));
  const rows = await AuditLog.findAll({
    where: {
      action: Object.keys(STAGES),
      [Op.or]: [
        { entityType: 'queue_entry', entityId: ids.map(String) },
        ...(records.length ? [{ entityType: 'medical_record', entityId: records.map((r) => String(r.id)) }] : []),
      ],
    },
    order: [['createdAt', 'ASC'], ['id', 'ASC']],
  });
  const userIds = [...new Set(rows.map((r) => r.userId).filter((id): id is number => id !== null))];
  const users = new Map((await User.findAll({ where: { id: userIds }, attributes: ['id', 'fullName', 'role'] })).map((u) => [u.id, u]));
  const tokens = new Map(entries.map((e) => [e.id, e.token]));
  return rows.map((row) => {
    const entryId = row.entityType === 'medical_record' ? recordEntry.get(row.entityId!) : Number(row.entityId);
    const user = row.userId === null ? undefined : users.get(row.userId);
    return {
      at: row.createdAt.toISOString(),
      action: row.action,
      label: STAGES[row.action],
      token: (entryId !== undefined && tokens.get(entryId)) || null,
      by: user ? { id: user.id, fullName: user.fullName, role: user.role } : null,
      byDevice: user ? null : row.action === 'queue.cancel' ? "Patient's phone" : row.action === 'queue.check_in' ? 'Kiosk' : 'The clinic server',
      note: noteOf(row.action, row.details),
    };
  });
}

/** The whole visit of one queue entry (following transfers both ways), every stage with its time and who. */
export async function visitTimeline(entryId: number): Promise<VisitTimeline> {
  const entries = await visitEntries(entryId);
  return { entryIds: entries.map((e) => e.id), patientId: entries[0].patientId ?? null, events: await eventsOf(entries) };
}

/** A patient's latest visits (up to `limit`), newest first, each with its timeline. */
export async function patientVisits(patientId: number, limit: number): Promise<PatientVisit[]> {
  const entries = await QueueEntry.findAll({
    // A transferred entry is shown through the entry its visit continued on.
    where: { patientId, status: { [Op.ne]: 'transferred' } },
    include: [
      { model: Department, as: 'department', attributes: ['id', 'name'] },
      { model: DoctorProfile, as: 'doctor', include: [{ model: User, as: 'user', attributes: ['id', 'fullName'] }] },
    ],
    order: [['checkedInAt', 'DESC'], ['id', 'DESC']],
    limit,
  });
  const visits: PatientVisit[] = [];
  for (const entry of entries) {
    visits.push({
      entryId: entry.id,
      clinicDay: entry.clinicDay,
      token: entry.token,
      status: entry.status,
      department: entry.department?.name ?? '',
      doctor: entry.doctor ? doctorName(entry.doctor) : null,
      timeline: (await visitTimeline(entry.id)).events,
    });
  }
  return visits;
}
