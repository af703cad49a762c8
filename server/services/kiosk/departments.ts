import type { KioskDepartment } from '../../../common/kiosk';
import { doctorName } from '../../queue/presenters';
import type { LiveQueue } from '../../queue/read-model/live-queue';
import { worksNow } from '../../queue/read-model/state';
import { nextStarts } from './schedule';

/**
 * The kiosk's department choice: every active department with its live waiting count and the wait a new walk-in
 * would get, each of its doctors likewise, and whether it is open now (a doctor is working) or when it next opens.
 * Counts and estimates come from the queue's live read model (the wait a new walk-in would get is its forecast).
 */
export async function kioskDepartments(live: LiveQueue, options: { timeZone: string; now: Date }): Promise<KioskDepartment[]> {
  const { timeZone, now } = options;
  const directory = await live.directory(now);
  const departments = [...directory.departments.values()]
    .filter((d) => d.active)
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  if (!departments.length) return [];
  const states = await Promise.all(departments.map((d) => live.state(d.id, now)));

  const own = states.map((state) => [...state.doctors.values()].filter((d) => d.doctor.departmentId === state.departmentId));
  const unavailable = own.flat().filter((d) => !worksNow(d.schedule, now, timeZone));
  const starts = await nextStarts(
    unavailable.map((d) => d.doctor.id),
    now,
    timeZone,
  );

  return departments.map((department, index) => {
    const state = states[index];
    const doctors = own[index];
    const serving = doctors.filter((d) => worksNow(d.schedule, now, timeZone));
    const opensAt = serving.length
      ? null
      : (doctors
          .map((d) => starts.get(d.doctor.id))
          .filter((s): s is Date => s !== undefined)
          .sort((a, b) => a.getTime() - b.getTime())[0] ?? null);
    return {
      id: department.id,
      name: department.name,
      prefix: department.prefix,
      open: serving.length > 0,
      opensAt: opensAt?.toISOString() ?? null,
      waitingCount: state.stats.waiting_count,
      estimateMinutes: state.nextWalkIn.anyDoctor,
      doctors: doctors.map((d) => {
        const available = serving.includes(d);
        return {
          id: d.doctor.id,
          name: doctorName(d.doctor),
          room: d.doctor.room,
          available,
          waitingCount: d.waiting.length,
          estimateMinutes: state.nextWalkIn.byDoctor.get(d.doctor.id)!,
          nextAvailableAt: available ? null : (starts.get(d.doctor.id)?.toISOString() ?? null),
        };
      }).sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}
