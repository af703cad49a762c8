import type { QueuePriority } from '../../common/api';
import { localToUtc } from '../services/clinic-time';
import { Random } from './random';

/**
 * THE SIMULATED CLINIC DAY, drawn in advance from a seed: who arrives when, what they want, how they behave when
 * called, and how each doctor's day goes. The engine (engine.ts) plays it against the real queue services; nothing
 * here decides an order or an estimate.
 */

/** A doctor as the simulator needs them: schedule for the day ('HH:MM' local), department, configured pace. */
export interface SimDoctor {
  id: number;
  departmentId: number;
  consultationMinutes: number;
  intervals: Array<{ startTime: string; endTime: string }>;
}

/** An appointment the day's plan can book: a free slot of a doctor. */
export interface SimSlot {
  id: number;
  doctorId: number;
  startsAt: Date;
}

/** One patient's part in the day. */
export interface PlannedPatient {
  /** When they reach the kiosk or the desk. */
  at: Date;
  departmentId: number;
  /** A walk-in who asked for this doctor, or the doctor of the appointment. */
  doctorId: number | null;
  priority: QueuePriority;
  /** Set for appointment holders: the slot they booked. */
  slotId: number | null;
  /** Booked but never comes (the appointment stays booked). */
  absent: boolean;
  /** Does not answer the first call: 'late' comes after a recall, 'gone' never does (marked a no-show). */
  onCall: 'comes' | 'late' | 'gone';
  /** Minutes from the call to the door of the room. */
  walkMinutes: number;
  /** A standard normal draw that fixes their consultation length with whichever doctor sees them. */
  consultZ: number;
  /** Sent on to another department at the end of the consultation. */
  transferTo: number | null;
  /** Gives up and cancels their ticket after this many minutes of waiting (null: stays). */
  patienceMinutes: number | null;
  /** The registered patient (set when the day is prepared: appointment holders, and walk-ins the desk knows). */
  patientId: number | null;
}

/** One doctor's day: on leave (entered as leave, so the clinic knows), or starting late (nobody knows). */
export interface PlannedDoctor {
  doctor: SimDoctor;
  onLeave: boolean;
  lateMinutes: number;
  /** Mean consultation minutes today (the doctor's own pace, which differs from the configured one). */
  meanMinutes: number;
  cv: number;
}

/** A whole simulated day. */
export interface DayPlan {
  day: string;
  doctors: PlannedDoctor[];
  patients: PlannedPatient[];
}

/** The knobs of a day: how busy, and how the patients and doctors behave. Defaults are a plausible busy day. */
export interface PlanOptions {
  /** Walk-in demand as a share of the doctors' capacity at each hour (before the hourly profile). */
  load: number;
  /** Share of each doctor's slots that are booked. */
  bookedShare: number;
  leaveChance: number;
  lateStartChance: number;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = { load: 0.92, bookedShare: 0.3, leaveChance: 0.06, lateStartChance: 0.15 };

/** Demand through the day relative to capacity: a morning peak, a quieter afternoon. */
function hourlyLoad(hour: number): number {
  if (hour < 9) return 1.15;
  if (hour < 11) return 1.25;
  if (hour < 13) return 0.95;
  if (hour < 15) return 0.85;
  return 0.6;
}

/**
 * A doctor's own speed relative to their configured minutes: fixed per doctor, so history can learn it. Keyed by
 * the doctor's place in the clinic's list (by id, from 1), not by the id itself: ids depend on what the database held
 * before (a reset deletes rows but does not restart ids), and the same seed must give the same days.
 */
export function doctorSpeed(place: number): number {
  const r = new Random(place * 7919 + 17);
  return 0.8 + 0.5 * r.next();
}

/** Draws the day's plan for `doctors` (the clinic's, by id) and their free `slots` from `seed`. Deterministic in its inputs. */
export function planDay(
  seed: number,
  day: string,
  zone: string,
  doctors: readonly SimDoctor[],
  slots: readonly SimSlot[],
  options: PlanOptions = DEFAULT_PLAN_OPTIONS,
): DayPlan {
  const rand = new Random(seed);
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const instant = (minute: number) => new Date(localToUtc(day, '00:00', zone).getTime() + minute * 60_000);
  const planned: PlannedDoctor[] = doctors.map((doctor, place) => ({
    doctor,
    onLeave: doctor.intervals.length > 0 && rand.chance(options.leaveChance),
    lateMinutes: rand.chance(options.lateStartChance) ? Math.round(rand.between(10, 40)) : 0,
    meanMinutes: doctor.consultationMinutes * doctorSpeed(place + 1) * rand.between(0.92, 1.08),
    cv: 0.3 + 0.15 * rand.next(),
  }));
  const working = planned.filter((d) => !d.onLeave && d.doctor.intervals.length);
  const departments = [...new Set(doctors.map((d) => d.departmentId))];
  const patients: PlannedPatient[] = [];
  const person = (at: Date, departmentId: number, doctorId: number | null, slotId: number | null): PlannedPatient => {
    const roll = rand.next();
    return {
      at,
      departmentId,
      doctorId,
      priority: slotId !== null ? 'normal' : roll < 0.015 ? 'emergency' : roll < 0.095 ? 'priority' : 'normal',
      slotId,
      absent: false,
      onCall: rand.chance(0.04) ? 'gone' : rand.chance(0.07) ? 'late' : 'comes',
      walkMinutes: rand.between(0.5, 2),
      consultZ: rand.normal(),
      transferTo: departments.length > 1 && rand.chance(0.03) ? rand.pick(departments.filter((d) => d !== departmentId)) : null,
      patienceMinutes: slotId === null && rand.chance(0.03) ? rand.between(20, 60) : null,
      patientId: null,
    };
  };

  // Walk-ins: a Poisson process per department whose rate follows the doctors working at each minute. Booked
  // slots take their share of capacity. A few come before opening (the desk checks them in).
  for (const departmentId of departments) {
    const mine = working.filter((d) => d.doctor.departmentId === departmentId);
    if (!mine.length) continue;
    const first = Math.min(...mine.map((d) => minutes(d.doctor.intervals[0].startTime)));
    const last = Math.max(...mine.map((d) => minutes(d.doctor.intervals[d.doctor.intervals.length - 1].endTime)));
    const rate = (minute: number): number => {
      const serving = mine.filter((d) => d.doctor.intervals.some((i) => minutes(i.startTime) <= minute && minute < minutes(i.endTime)));
      const capacity = serving.reduce((sum, d) => sum + 1 / d.meanMinutes, 0);
      if (minute < first) return 0.25 * mine.reduce((sum, d) => sum + 1 / d.meanMinutes, 0);
      return capacity * Math.max(0, hourlyLoad(Math.floor(minute / 60)) * options.load - options.bookedShare);
    };
    // Thinning: draw at a rate no hour exceeds, keep each arrival with probability rate / that.
    const peak = mine.reduce((sum, d) => sum + 1 / d.meanMinutes, 0) * Math.max(1.3, 1.25 * options.load);
    for (let minute = first - 30 + rand.exponential(peak); minute < last - 45; minute += rand.exponential(peak)) {
      if (!rand.chance(rate(minute) / peak)) continue;
      const named = mine.length > 1 && rand.chance(0.2) ? rand.pick(mine).doctor.id : null;
      patients.push(person(instant(minute), departmentId, named, null));
    }
  }

  // Appointment holders: a share of each working doctor's slots, arriving early, on time or late, or not at all.
  for (const slot of slots) {
    const doctor = working.find((d) => d.doctor.id === slot.doctorId);
    if (!doctor || !rand.chance(options.bookedShare)) continue;
    const roll = rand.next();
    const offset = roll < 0.25 ? rand.between(-30, -10) : roll < 0.75 ? rand.between(-10, 5) : rand.between(5, 25);
    const patient = person(new Date(slot.startsAt.getTime() + offset * 60_000), doctor.doctor.departmentId, slot.doctorId, slot.id);
    patient.absent = rand.chance(0.1);
    patients.push(patient);
  }
  patients.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { day, doctors: planned, patients };
}
