import { Op, type Sequelize, type Transaction } from 'sequelize';
import type { GenerationResult } from '../../common/admin';
import { inTransaction } from '../db/transaction';
import { notFound, validationFailed } from '../errors';
import { AvailabilityException, DoctorAvailability, DoctorProfile, type TimeSlot } from '../models';
import { audit } from './audit';
import { addDays, clinicDay } from './clinic-time';
import { generateForDoctor, type DayRange } from './generation';
import type { SettingsService } from './settings';
import { setSlotBlocked } from './slot-blocks';
import { systemNow } from '../clock';

/** An interval as an admin sends it. */
export interface IntervalInput {
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: number;
}

/** The admin making the change. */
export interface ScheduleActor {
  /** The admin, or null for the server's own daily run (slot-horizon.ts). */
  userId: number | null;
  ip?: string;
}

/** Monday ... Sunday, for messages. */
export const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The first interval in `others` that shares time with `interval` on the same weekday, if any. */
export function overlapping<T extends IntervalInput>(interval: IntervalInput, others: T[]): T | undefined {
  return others.find(
    (o) => o.weekday === interval.weekday && o.startTime < interval.endTime && interval.startTime < o.endTime,
  );
}

/** The words for an overlap, naming the interval it clashes with. */
export function overlapMessage(other: IntervalInput): string {
  return `Overlaps ${other.startTime}-${other.endTime} on ${WEEKDAY_NAMES[other.weekday]}.`;
}

/**
 * Doctors' weekly availability and days off. Each change locks the doctor's profile row, so two admins editing the
 * same week (or a change and a slot generation) take turns. Changing the week does not touch slots until slots are
 * generated; adding, moving or removing days off regenerates the days concerned at once, so free slots on leave
 * vanish and the answer lists the booked appointments to move.
 */
export class ScheduleService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly settings: SettingsService,
    private readonly now: () => Date = systemNow,
  ) {}

  /** Takes one slot out of booking, or back in (services/slot-blocks.ts). */
  setSlotBlocked(slotId: number, blocked: boolean, actor: { userId: number; ip: string }): Promise<TimeSlot> {
    return setSlotBlocked(this.sequelize, slotId, blocked, actor);
  }

  private get zone(): string {
    return this.settings.activeTimeZone;
  }

  /** The doctor's week, by weekday and start. */
  async week(doctorId: number): Promise<DoctorAvailability[]> {
    await requireDoctor(doctorId);
    return DoctorAvailability.findAll({ where: { doctorId }, order: [['weekday', 'ASC'], ['startTime', 'ASC']] });
  }

  /** Replaces the whole week (the schema has checked the intervals among themselves). */
  async replaceWeek(doctorId: number, intervals: IntervalInput[], actor: ScheduleActor): Promise<DoctorAvailability[]> {
    await inTransaction(this.sequelize, async (transaction) => {
      await lockDoctor(doctorId, transaction);
      await DoctorAvailability.destroy({ where: { doctorId }, transaction });
      await DoctorAvailability.bulkCreate(intervals.map((i) => ({ ...i, doctorId })), { transaction, validate: true });
      await audit({ userId: actor.userId, action: 'schedule.replace_week', entityType: 'doctor_profile', entityId: doctorId, ip: actor.ip, details: { intervals: intervals.length } }, transaction);
    });
    return this.week(doctorId);
  }

  /** Adds one interval; 422 naming startTime when it overlaps another on that weekday. */
  addInterval(doctorId: number, input: IntervalInput, actor: ScheduleActor): Promise<DoctorAvailability> {
    return inTransaction(this.sequelize, async (transaction) => {
      await lockDoctor(doctorId, transaction);
      await this.checkOverlap(doctorId, input, null, transaction);
      const interval = await DoctorAvailability.create({ ...input, doctorId }, { transaction });
      await audit({ userId: actor.userId, action: 'schedule.add_interval', entityType: 'doctor_availability', entityId: interval.id, ip: actor.ip, details: { doctorId, ...input } }, transaction);
      return interval;
    });
  }

  /** Changes one interval; the result must still end after it starts, fit a slot, and overlap nothing. */
  updateInterval(doctorId: number, id: number, changes: Partial<IntervalInput>, actor: ScheduleActor): Promise<DoctorAvailability> {
    return inTransaction(this.sequelize, async (transaction) => {
      await lockDoctor(doctorId, transaction);
      const interval = await DoctorAvailability.findOne({ where: { id, doctorId }, transaction });
      if (!interval) throw notFound('That interval');
      interval.set(changes);
      const merged = { weekday: interval.weekday, startTime: interval.startTime, endTime: interval.endTime, slotMinutes: interval.slotMinutes };
      const problem = intervalProblem(merged);
      if (problem) throw validationFailed([problem]);
      await this.checkOverlap(doctorId, merged, id, transaction);
      await interval.save({ transaction });
      await audit({ userId: actor.userId, action: 'schedule.update_interval', entityType: 'doctor_availability', entityId: id, ip: actor.ip, details: { doctorId, ...merged } }, transaction);
      return interval;
    });
  }

  /** Removes one interval. */
  removeInterval(doctorId: number, id: number, actor: ScheduleActor): Promise<void> {
    return inTransaction(this.sequelize, async (transaction) => {
      await lockDoctor(doctorId, transaction);
      const removed = await DoctorAvailability.destroy({ where: { id, doctorId }, transaction });
      if (!removed) throw notFound('That interval');
      await audit({ userId: actor.userId, action: 'schedule.remove_interval', entityType: 'doctor_availability', entityId: id, ip: actor.ip, details: { doctorId } }, transaction);
    });
  }

  /** The doctor's days off that end on or after `fromDay` (all of them when not given), by start. */
  async exceptions(doctorId: number, fromDay?: string): Promise<AvailabilityException[]> {
    await requireDoctor(doctorId);
    return AvailabilityException.findAll({
      where: { doctorId, ...(fromDay ? { endDate: { [Op.gte]: fromDay } } : {}) },
      order: [['startDate', 'ASC'], ['id', 'ASC']],
    });
  }

  /** Adds days off and clears their free slots; the result lists booked appointments on them. */
  addException(doctorId: number, input: { startDate: string; endDate: string; reason?: string | null }, actor: ScheduleActor) {
    return inTransaction(this.sequelize, async (transaction) => {
      await lockDoctor(doctorId, transaction);
      const exception = await AvailabilityException.create({ ...input, doctorId }, { transaction });
      await audit({ userId: actor.userId, action: 'schedule.add_exception', entityType: 'availability_exception', entityId: exception.id, ip: actor.ip, details: { doctorId, ...input } }, transaction);
      return { exception, slots: await this.regenerate(doctorId, [this.daysOff(exception)], transaction) };
    });
  }

  /** Changes days off: the days no longer off get their slots back (within the horizon), the new ones lose theirs. */
  updateException(doctorId: number, id: number, changes: { startDate?: string; endDate?: string; reason?: string | null }, actor: ScheduleActor) {
    return inTransaction(this.sequelize, async (transaction) => {
      await lockDoctor(doctorId, transaction);
      const exception = await AvailabilityException.findOne({ where: { id, doctorId }, transaction });
      if (!exception) throw notFound('That exception');
      const before = await this.daysBack(exception);
      exception.set(changes);
      if (exception.endDate < exception.startDate) {
        throw validationFailed([{ path: 'endDate', message: 'The last day cannot be before the first.' }]);
      }
      await exception.save({ transaction });
      await audit({ userId: actor.userId, action: 'schedule.update_exception', entityType: 'availability_exception', entityId: id, ip: actor.ip, details: { doctorId, ...changes } }, transaction);
      return { exception, slots: await this.regenerate(doctorId, [before, this.daysOff(exception)], transaction) };
    });
  }

  /** Removes days off; their slots come back (within the horizon). */
  removeException(doctorId: number, id: number, actor: ScheduleActor) {
    return inTransaction(this.sequelize, async (transaction) => {
      await lockDoctor(doctorId, transaction);
      const exception = await AvailabilityException.findOne({ where: { id, doctorId }, transaction });
      if (!exception) throw notFound('That exception');
      const range = await this.daysBack(exception);
      await exception.destroy({ transaction });
      await audit({ userId: actor.userId, action: 'schedule.remove_exception', entityType: 'availability_exception', entityId: id, ip: actor.ip, details: { doctorId } }, transaction);
      return { exception, slots: await this.regenerate(doctorId, [range], transaction) };
    });
  }

  /**
   * Generates a doctor's slots from `fromDay` (default today) for `days` (default the settings' horizon).
   * The first day cannot be in the past: slots there are history.
   */
  async generate(doctorId: number, options: { fromDay?: string; days?: number }, actor: ScheduleActor): Promise<GenerationResult> {
    const today = clinicDay(this.now(), this.zone);
    const fromDay = options.fromDay ?? today;
    if (fromDay < today) throw validationFailed([{ path: 'fromDay', message: 'Slots can be generated from today on.' }]);
    const days = options.days ?? (await this.settings.get()).slotHorizonDays;
    const range = { fromDay, toDay: addDays(fromDay, days - 1) };
    return inTransaction(this.sequelize, async (transaction) => {
      await lockDoctor(doctorId, transaction);
      const result = await generateForDoctor(doctorId, [range], this.zone, transaction);
      await audit({ userId: actor.userId, action: 'schedule.generate', entityType: 'doctor_profile', entityId: doctorId, ip: actor.ip, details: { ...range, created: result.created, removed: result.removed } }, transaction);
      return result;
    });
  }

  /** Generates for every doctor whose account is active, one transaction each. */
  async generateAll(options: { fromDay?: string; days?: number }, actor: ScheduleActor): Promise<GenerationResult[]> {
    const doctors = await DoctorProfile.findAll({ include: [{ association: 'user', where: { active: true }, attributes: ['id'] }], order: [['id', 'ASC']] });
    const results: GenerationResult[] = [];
    for (const doctor of doctors) results.push(await this.generate(doctor.id, options, actor));
    return results;
  }

  private async checkOverlap(doctorId: number, input: IntervalInput, exceptId: number | null, transaction: Transaction) {
    const others = await DoctorAvailability.findAll({
      where: { doctorId, weekday: input.weekday, ...(exceptId ? { id: { [Op.ne]: exceptId } } : {}) },
      transaction,
    });
    const clash = overlapping(input, others);
    if (clash) throw validationFailed([{ path: 'startTime', message: overlapMessage(clash) }]);
  }

  /** The exception's days from today on: taking days off needs no horizon, only clearing. */
  private daysOff(exception: AvailabilityException): DayRange {
    const today = clinicDay(this.now(), this.zone);
    return { fromDay: exception.startDate > today ? exception.startDate : today, toDay: exception.endDate };
  }

  /** The exception's days from today to the end of the horizon: days given back get slots only that far. */
  private async daysBack(exception: AvailabilityException): Promise<DayRange> {
    const range = this.daysOff(exception);
    const last = addDays(clinicDay(this.now(), this.zone), (await this.settings.get()).slotHorizonDays - 1);
    return { fromDay: range.fromDay, toDay: range.toDay < last ? range.toDay : last };
  }

  /** Regenerates the given days; null when none is today or later (days off in the past change no slots). */
  private async regenerate(doctorId: number, ranges: DayRange[], transaction: Transaction): Promise<GenerationResult | null> {
    const useful = ranges.filter((r) => r.fromDay <= r.toDay);
    return useful.length ? generateForDoctor(doctorId, useful, this.zone, transaction) : null;
  }
}

/** The problem with an interval, if any: it must end after it starts and hold at least one slot. */
export function intervalProblem(i: IntervalInput): { path: string; message: string } | null {
  if (i.endTime <= i.startTime) return { path: 'endTime', message: 'The end must be later than the start.' };
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  if (minutes(i.endTime) - minutes(i.startTime) < i.slotMinutes) {
    return { path: 'slotMinutes', message: 'The interval is shorter than one slot.' };
  }
  return null;
}

async function requireDoctor(doctorId: number): Promise<void> {
  if (!(await DoctorProfile.findByPk(doctorId, { attributes: ['id'] }))) throw notFound('That doctor');
}

/** Locks the doctor's profile row: schedule changes and slot generation for one doctor take turns. */
async function lockDoctor(doctorId: number, transaction: Transaction): Promise<void> {
  const doctor = await DoctorProfile.findByPk(doctorId, { attributes: ['id'], transaction, lock: transaction.LOCK.UPDATE });
  if (!doctor) throw notFound('That doctor');
}
