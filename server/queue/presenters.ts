import { DateTime } from 'luxon';
import type { DoctorQueueView, StaffQueueEntry, TicketView } from '../../common/api';
import type { QueueLine } from '../../common/protocol';
import type { Department, DoctorProfile, QueueEntry } from '../models';
import type { DepartmentState, RankedEntry } from './types';

/** Place and estimate of a waiting entry, when it has them. */
type Rank = Pick<RankedEntry, 'position' | 'etaMinutes'> | null;

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

/** Whole years between a date of birth and a clinic day (both 'YYYY-MM-DD'). */
export function ageOn(dateOfBirth: string | null | undefined, day: string): number | null {
  if (!dateOfBirth) return null;
  const years = Math.floor(DateTime.fromISO(day).diff(DateTime.fromISO(dateOfBirth), 'years').years);
  return Number.isFinite(years) ? years : null;
}

/** A doctor's display name (from their staff account). */
export function doctorName(doctor: DoctorProfile): string {
  return doctor.user?.fullName ?? `Doctor ${doctor.id}`;
}

/** Finds an entry's place in a department's calling order. */
export function rankOf(state: DepartmentState, entryId: number): Rank {
  return state.rankOf.get(entryId) ?? null;
}

/** An entry as staff see it. Expects `patient` and `appointment.slot` to be loaded where they exist. */
export function presentStaffEntry(entry: QueueEntry, rank: Rank, day: string): StaffQueueEntry {
  const patient = entry.patient;
  return {
    id: entry.id,
    version: entry.version,
    token: entry.token,
    status: entry.status,
    priority: entry.priority,
    priorityReason: entry.priorityReason ?? null,
    departmentId: entry.departmentId,
    doctorId: entry.doctorId ?? null,
    patient: patient ? { id: patient.id, fullName: patient.fullName, age: ageOn(patient.dateOfBirth, day), sex: patient.sex } : null,
    appointment:
      entry.appointmentId && entry.appointment
        ? { id: entry.appointment.id, startsAt: entry.appointment.slot?.startsAt.toISOString() ?? '' }
        : null,
    checkedInAt: entry.checkedInAt.toISOString(),
    calledAt: iso(entry.calledAt),
    consultationStartedAt: iso(entry.consultationStartedAt),
    recallCount: entry.recallCount,
    position: rank?.position ?? null,
    etaMinutes: rank?.etaMinutes ?? null,
  };
}

/** One doctor's live queue: who is with them now, who they would call next, and their figures. */
export function presentDoctorQueue(state: DepartmentState, doctor: DoctorProfile): DoctorQueueView {
  const mine = state.doctors.get(doctor.id);
  return {
    doctor: { id: doctor.id, name: doctorName(doctor), room: doctor.room, departmentId: doctor.departmentId },
    current: mine?.current ? presentStaffEntry(mine.current, null, state.clinicDay) : null,
    waiting: (mine?.waiting ?? []).map((r) => presentStaffEntry(r.entry, r, state.clinicDay)),
    missed: (mine?.missed ?? []).map((entry) => presentStaffEntry(entry, null, state.clinicDay)),
    stats: mine?.stats ?? state.stats,
  };
}

/**
 * Queue lines in the original design's shape. Names are added only when `withNames` is true, which only staff
 * channels pass: this is the one place public lines are built, so they cannot carry a name by accident.
 */
export function queueLines(ranked: RankedEntry[], withNames: boolean): QueueLine[] {
  return ranked.map((r) => {
    const line: QueueLine = {
      position: r.position,
      token: r.entry.token,
      status: r.entry.status,
      priority: r.entry.priority,
      eta_minutes: r.etaMinutes,
    };
    if (withNames && r.entry.patient) line.patient_name = r.entry.patient.fullName;
    return line;
  });
}

/** What a patient sees of their own ticket: token, place, wait and room; never a name. */
export function presentTicket(
  entry: QueueEntry,
  context: { department: Department; doctor: DoctorProfile | null; rank: Rank; transferredTo?: string | null },
): TicketView {
  const serving = entry.status === 'called' || entry.status === 'in_consultation';
  const { department, doctor, rank } = context;
  return {
    publicCode: entry.publicCode,
    token: entry.token,
    status: entry.status,
    department: { id: department.id, name: department.name, prefix: department.prefix },
    doctor: doctor ? { id: doctor.id, name: doctorName(doctor), room: doctor.room } : null,
    position: entry.status === 'waiting' ? (rank?.position ?? null) : null,
    etaMinutes: entry.status === 'waiting' ? (rank?.etaMinutes ?? null) : null,
    room: serving && doctor ? doctor.room : null,
    checkedInAt: entry.checkedInAt.toISOString(),
    calledAt: iso(entry.calledAt),
    transferredTo: context.transferredTo ?? null,
  };
}
