import { Op, type Sequelize } from 'sequelize';
import {
  Appointment,
  DoctorProfile,
  MedicalRecord,
  Patient,
  PrescriptionItem,
  QueueEntry,
  TimeSlot,
  WaitEstimate,
} from '../models';
import { addDays, clinicDayBounds } from '../services/clinic-time';
import { runDay, type DayRun } from '../sim/engine';
import { Random } from '../sim/random';
import { prepareDay } from '../sim/setup';
import { DIAGNOSES, FAMILY_NAMES, GIVEN_NAMES } from './history-data';

/** What seedDemoHistory made. */
export interface HistorySummary {
  days: number;
  visits: number;
  records: number;
}

/** How many registered patients the history adds to the demo's twenty (walk-ins and bookings are drawn from them). */
const HISTORY_PATIENTS = 160;

/**
 * Fills the `days` clinic days before `today` with history made by the clinic-day simulator (sim/), which drives the
 * real queue engine: check-ins, calls, no-shows, transfers and completed visits, each day's estimates as shown at
 * check-in, signed records with vitals, a diagnosis and prescriptions for registered patients, booked patients who
 * never came marked as no-shows (a few cancelled). Reports, doctors' paces and patients' past visits then mean
 * something on first start. The same `seed` gives the same history. To keep first start quick, the estimates are
 * recorded at check-in only and the doctors go from call to completion without pressing "start".
 */
export async function seedDemoHistory(
  sequelize: Sequelize,
  options: { timeZone: string; today: string; days: number; seed?: number },
): Promise<HistorySummary> {
  const { timeZone, today, days, seed = 2026 } = options;
  const rand = new Random(seed);
  await Patient.bulkCreate(
    Array.from({ length: HISTORY_PATIENTS }, (_, i) => ({
      fullName: `${GIVEN_NAMES[i % GIVEN_NAMES.length]} ${FAMILY_NAMES[(i * 7 + 3) % FAMILY_NAMES.length]}`,
      dateOfBirth: `${1940 + Math.floor(rand.next() * 84)}-${pad(1 + Math.floor(rand.next() * 12))}-${pad(1 + Math.floor(rand.next() * 28))}`,
      sex: rand.pick(['female', 'male'] as const),
      phone: `+447700${900200 + i}`,
    })),
    { validate: true },
  );
  const doctors = new Map((await DoctorProfile.findAll({ include: ['department'] })).map((d) => [d.id, d]));
  const summary: HistorySummary = { days: 0, visits: 0, records: 0 };
  // Sequelize reads a fresh Error's stack for every query; with source maps on (tsx turns them on) each read maps
  // every frame back to TypeScript, a tenth of the seeding's time. Off while seeding, back on afterwards.
  const sourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    for (let back = days; back >= 1; back--) {
      const day = addDays(today, -back);
      const prepared = await prepareDay(sequelize, timeZone, day, seed * 1000 + back);
      const run = await runDay(sequelize, timeZone, prepared.plan, prepared.desk, prepared.codes, { everyUpdate: false, startConsultation: false });
      await closeDay(run, timeZone, rand);
      const made = await writeRecords(day, doctors, rand);
      summary.days++;
      summary.visits += run.records.size;
      summary.records += made;
    }
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
  }
  return summary;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** What the desk does at closing: keeps each check-in's estimate, and marks the booked patients who never came. */
async function closeDay(run: DayRun, timeZone: string, rand: Random): Promise<void> {
  await WaitEstimate.bulkCreate(
    [...run.records.values()]
      .filter((r) => r.samples.length)
      .map((r) => ({ queueEntryId: r.entryId, estimatedMinutes: r.samples[0].eta, lowMinutes: r.samples[0].low, highMinutes: r.samples[0].high })),
  );
  const { start, end } = clinicDayBounds(run.day, timeZone);
  const missed = await Appointment.findAll({
    where: { status: 'booked' },
    include: [{ model: TimeSlot, as: 'slot', attributes: [], where: { startsAt: { [Op.gte]: start, [Op.lt]: end } } }],
    // Each one draws from `rand`: without an order, MariaDB may return them in another order on another run.
    order: [['id', 'ASC']],
  });
  for (const appointment of missed) {
    const cancelled = rand.chance(0.3);
    await appointment.update(
      cancelled ? { status: 'cancelled', cancellationReason: 'Patient called to cancel' } : { status: 'no_show' },
    );
  }
}

/** A signed record, with vitals, a diagnosis and prescriptions, for each completed visit of a registered patient. */
async function writeRecords(day: string, doctors: Map<number, DoctorProfile>, rand: Random): Promise<number> {
  const visits = await QueueEntry.findAll({
    attributes: ['id', 'patientId', 'doctorId', 'completedAt'],
    where: { clinicDay: day, status: 'completed', patientId: { [Op.ne]: null }, doctorId: { [Op.ne]: null } },
    order: [['id', 'ASC']],
  });
  const plans = visits.map((visit) => {
    const doctor = doctors.get(visit.doctorId!)!;
    const diagnosis = rand.pick(DIAGNOSES[doctor.department?.prefix ?? 'G'] ?? DIAGNOSES.G);
    return { visit, doctor, diagnosis };
  });
  const records = await MedicalRecord.bulkCreate(
    plans.map(({ visit, doctor, diagnosis }) => ({
      queueEntryId: visit.id,
      patientId: visit.patientId!,
      doctorId: doctor.id,
      bpSystolicMmhg: Math.round(rand.between(105, 150)),
      bpDiastolicMmhg: Math.round(rand.between(65, 95)),
      pulseBpm: Math.round(rand.between(58, 100)),
      spo2Percent: Math.round(rand.between(95, 100)),
      temperatureC: Math.round(rand.between(36.2, 38.4) * 10) / 10,
      chiefComplaint: diagnosis.complaint,
      diagnosis: diagnosis.text,
      icd10Code: diagnosis.code,
      status: 'signed' as const,
      revision: 1,
      signedAt: visit.completedAt,
      signedBy: doctor.userId,
    })),
  );
  await PrescriptionItem.bulkCreate(
    records.flatMap((record, i) =>
      plans[i].diagnosis.prescriptions.map((p, position) => ({ medicalRecordId: record.id, position, ...p, allergyConfirmed: false })),
    ),
  );
  return records.length;
}
