import type { Sequelize } from 'sequelize';
import { AppError } from '../errors';
import { createLogger } from '../logger';
import type { QueueEntry, User } from '../models';
import { QueueService } from '../queue/commands/steps';
import { LiveQueue } from '../queue/read-model/live-queue';
import { etaRange } from '../queue/rules/eta';
import { localToUtc } from '../services/clinic-time';
import { Agenda } from './events';
import type { DayPlan, PlannedDoctor, PlannedPatient } from './plan';

/** One estimate a patient saw: when, the point estimate and the range shown (minutes). */
export interface Sample {
  at: number;
  eta: number;
  low: number;
  high: number;
}

/** What the measure needs of one check-in: the estimates shown while it waited (check-in first). */
export interface EntryRecord {
  entryId: number;
  departmentId: number;
  checkedInAt: Date;
  samples: Sample[];
}

/** How a simulated day went. */
export interface DayRun {
  day: string;
  records: Map<number, EntryRecord>;
  /** Entries still waiting when every doctor had gone home (cancelled by the desk at the end). */
  leftOver: number;
  steps: number;
}

/** A doctor during the simulated day. */
interface DoctorRun {
  plan: PlannedDoctor;
  /** Working intervals as epoch ms, the first one moved by the late start. */
  hours: Array<{ start: number; end: number }>;
  busy: boolean;
  idle: boolean;
}

const MINUTE = 60_000;

/**
 * Plays a day's plan against the real queue engine (QueueService and the live read model, the same classes the
 * server runs) on a virtual clock, recording the estimate of every waiting entry whenever it changes (or, without
 * `everyUpdate`, only the one shown at check-in: cheaper, for the demo's history). Every step
 * goes through the engine's rules and transactions; the simulator only decides when people act and what they do.
 * The desk (a reception account) acts for everyone, as a doctor's own console would.
 */
export async function runDay(
  sequelize: Sequelize,
  timeZone: string,
  plan: DayPlan,
  desk: User,
  codes: Map<number, string>,
  options: { everyUpdate?: boolean; startConsultation?: boolean } = {},
): Promise<DayRun> {
  const everyUpdate = options.everyUpdate ?? true;
  const pressStart = options.startConsultation ?? true;
  let current = localToUtc(plan.day, '06:00', timeZone).getTime();
  const now = () => new Date(current);
  const live = new LiveQueue(timeZone, now, createLogger('silent'));
  // No walk-in batches: which walk-ins share a transaction depends on the event loop's timing, and a simulated day
  // must repeat exactly.
  const queue = new QueueService(sequelize, { timeZone, live, batchWalkIns: false }, live, now);
  const agenda = new Agenda();
  const who = new Map<number, PlannedPatient>();
  const records = new Map<number, EntryRecord>();
  const departments = [...new Set(plan.doctors.map((d) => d.doctor.departmentId))];
  let steps = 0;
  const instant = (time: string) => localToUtc(plan.day, time, timeZone).getTime();

  const doctors: DoctorRun[] = plan.doctors
    .filter((d) => !d.onLeave)
    .map((d) => ({
      plan: d,
      hours: d.doctor.intervals.map((i, n) => ({ start: instant(i.startTime) + (n === 0 ? d.lateMinutes * MINUTE : 0), end: instant(i.endTime) })),
      busy: false,
      idle: false,
    }));
  const working = (d: DoctorRun) => d.hours.some((h) => h.start <= current && current < h.end);

  const sample = async (departmentId: number) => {
    const state = await live.state(departmentId, now());
    for (const rank of state.waiting) {
      const record = records.get(rank.entry.id);
      if (!record) continue;
      const last = record.samples[record.samples.length - 1];
      const [low, high] = etaRange(rank.etaMinutes);
      if (!last || last.eta !== rank.etaMinutes || last.low !== low || last.high !== high) {
        record.samples.push({ at: current, eta: rank.etaMinutes, low, high });
      }
    }
  };

  const wake = (departmentId: number) => {
    for (const d of doctors) if (d.idle && !d.busy && d.plan.doctor.departmentId === departmentId) agenda.add(current, () => tryCall(d));
  };

  const tryCall = async (d: DoctorRun) => {
    if (d.busy || !working(d)) return;
    // Asked of the read model first, as the doctor's screen shows it: an empty line is not worth a refused call.
    const state = await live.state(d.plan.doctor.departmentId, now());
    if (!state.doctors.get(d.plan.doctor.id)?.waiting.length) {
      d.idle = true;
      return;
    }
    try {
      const called = await queue.callNext(d.plan.doctor.id, desk);
      steps++;
      d.idle = false;
      called_(d, called);
    } catch (error) {
      if (!(error instanceof AppError && error.id === 'queue_empty')) throw error;
      d.idle = true;
    }
  };

  const called_ = (d: DoctorRun, entry: QueueEntry) => {
    d.busy = true;
    const p = who.get(entry.id)!;
    let latest = entry;
    const act = async (step: () => Promise<QueueEntry>) => {
      latest = await step();
      steps++;
    };
    if (p.onCall === 'comes') {
      agenda.add(current + p.walkMinutes * MINUTE, () => start());
    } else {
      agenda.add(current + 2 * MINUTE, () => act(() => queue.recall(latest.id, latest.version, desk)));
      if (p.onCall === 'late') agenda.add(current + (2 + p.walkMinutes) * MINUTE, () => start());
      else {
        agenda.add(current + 4 * MINUTE, async () => {
          await act(() => queue.skip(latest.id, latest.version, desk));
          d.busy = false;
          await tryCall(d);
        });
      }
    }
    const start = async () => {
      // Some doctors never press "start": the consultation then counts from the call.
      if (pressStart) await act(() => queue.startConsultation(latest.id, latest.version, desk));
      const sigma = Math.sqrt(Math.log(1 + d.plan.cv ** 2));
      const minutes = d.plan.meanMinutes * Math.exp(sigma * p.consultZ - (sigma * sigma) / 2);
      agenda.add(current + minutes * MINUTE, () => finish());
    };
    const finish = async () => {
      if (p.transferTo !== null) {
        const next = await queue.transfer(latest.id, latest.version, { toDepartmentId: p.transferTo, reason: 'Needs another specialist' }, desk);
        steps++;
        who.set(next.id, { ...p, transferTo: null, consultZ: -p.consultZ, onCall: 'comes', doctorId: null });
        wake(next.departmentId);
        d.busy = false;
        await tryCall(d);
      } else if (working(d)) {
        const result = await queue.completeAndCallNext(latest.id, latest.version, desk);
        steps++;
        d.busy = false;
        if (result.called) called_(d, result.called);
        else d.idle = true;
      } else {
        await act(() => queue.complete(latest.id, latest.version, desk));
        d.busy = false;
      }
    };
  };

  const arrive = async (p: PlannedPatient) => {
    const key = `sim-${plan.day}-${p.at.getTime()}-${p.departmentId}-${p.slotId ?? 'w'}`;
    const entry =
      p.slotId !== null
        ? await queue.checkInAppointment({ bookingCode: codes.get(p.slotId)!, idempotencyKey: key }, null)
        : await queue.checkInWalkIn(
            {
              departmentId: p.departmentId,
              doctorId: p.doctorId ?? undefined,
              priority: p.priority,
              patientId: p.patientId ?? undefined,
              idempotencyKey: key,
            },
            desk,
          );
    steps++;
    who.set(entry.id, p);
    records.set(entry.id, { entryId: entry.id, departmentId: entry.departmentId, checkedInAt: entry.checkedInAt, samples: [] });
    if (!everyUpdate) await sample(entry.departmentId);
    wake(entry.departmentId);
    if (p.patienceMinutes !== null) {
      agenda.add(current + p.patienceMinutes * MINUTE, async () => {
        const state = await live.state(entry.departmentId, now());
        if (state.rankOf.has(entry.id)) {
          await queue.cancelByPublicCode(entry.publicCode);
          steps++;
        }
      });
    }
  };

  for (const p of plan.patients) if (!p.absent) agenda.add(p.at, () => arrive(p));
  for (const d of doctors) for (const h of d.hours) agenda.add(h.start, () => tryCall(d));

  try {
    for (let event = agenda.take(); event; event = agenda.take()) {
      current = event.at;
      await event.run();
      if (everyUpdate) for (const departmentId of departments) await sample(departmentId);
    }
    // Whoever is still waiting when everyone has gone home is sent away by the desk.
    let leftOver = 0;
    for (const departmentId of departments) {
      for (const rank of [...(await live.state(departmentId, now())).waiting]) {
        await queue.cancel(rank.entry.id, rank.entry.version, desk);
        leftOver++;
      }
    }
    return { day: plan.day, records, leftOver, steps };
  } finally {
    live.close();
  }
}
