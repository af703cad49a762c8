import type { Transaction } from 'sequelize';
import type { AppointmentToMove, GenerationResult } from '../../common/admin';
import { Appointment, Patient, TimeSlot } from '../models';
import { generateSlots } from './slots';

/** Clinic days from `fromDay` to `toDay`, both included; empty when `toDay` is earlier. */
export interface DayRange {
  fromDay: string;
  toDay: string;
}

/**
 * Runs slot generation for one doctor over each range (inside the caller's transaction) and adds up what it did,
 * with the booked appointments on slots the schedule no longer has: the ones staff should move.
 */
export async function generateForDoctor(
  doctorId: number,
  ranges: DayRange[],
  zone: string,
  transaction: Transaction,
): Promise<GenerationResult> {
  const useful = ranges.filter((r) => r.fromDay <= r.toDay);
  const result: GenerationResult = {
    doctorId,
    fromDay: useful.length ? useful.map((r) => r.fromDay).sort()[0] : '',
    toDay: useful.length ? useful.map((r) => r.toDay).sort().at(-1)! : '',
    created: 0,
    alreadyPresent: 0,
    overlapping: 0,
    removed: 0,
    withdrawn: 0,
    appointmentsToMove: [],
  };
  const outside = new Set<number>();
  for (const range of useful) {
    const run = await generateSlots({ doctorId, ...range, zone, transaction });
    result.created += run.created;
    result.alreadyPresent += run.alreadyPresent;
    result.overlapping += run.overlapping;
    result.removed += run.removed;
    result.withdrawn += run.withdrawn;
    run.bookedOutside.forEach((id) => outside.add(id));
  }
  result.appointmentsToMove = await appointmentsToMove([...outside], transaction);
  return result;
}

/** The still-booked appointments (not yet checked in) on these slots, earliest first. */
async function appointmentsToMove(slotIds: number[], transaction: Transaction): Promise<AppointmentToMove[]> {
  if (!slotIds.length) return [];
  const appointments = await Appointment.findAll({
    where: { slotId: slotIds, status: 'booked' },
    include: [
      { model: TimeSlot, as: 'slot' },
      { model: Patient, as: 'patient', attributes: ['id', 'fullName', 'phone'] },
    ],
    transaction,
  });
  return appointments
    .sort((a, b) => a.slot!.startsAt.getTime() - b.slot!.startsAt.getTime())
    .map((a) => ({
      id: a.id,
      bookingCode: a.bookingCode,
      startsAt: a.slot!.startsAt.toISOString(),
      patient: { id: a.patient!.id, fullName: a.patient!.fullName, phone: a.patient!.phone ?? null },
    }));
}
