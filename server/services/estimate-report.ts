import { Op } from 'sequelize';
import type { EstimateDayReport } from '../../common/reports';
import { QueueEntry, WaitEstimate } from '../models';
import { waitLength } from '../queue/rules/timings';

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * How far the estimates shown at check-in (wait_estimates) were from the waits that followed, per clinic day and
 * department, for the days `from` to `to`: the clinic's own measure of what `npm run simulate` measures on
 * simulated days. Check-ins never called, or that came by transfer, have no real wait and are left out.
 */
export async function estimateReport(from: string, to: string): Promise<EstimateDayReport[]> {
  const entries = await QueueEntry.findAll({
    attributes: ['id', 'departmentId', 'clinicDay', 'checkedInAt', 'firstCalledAt', 'transferredFromId'],
    where: { clinicDay: { [Op.between]: [from, to] }, firstCalledAt: { [Op.ne]: null }, transferredFromId: null },
    include: [{ model: WaitEstimate, as: 'estimate', required: true }],
  });
  const groups = new Map<string, { day: string; departmentId: number; pairs: Array<[WaitEstimate, number]> }>();
  for (const entry of entries) {
    const real = waitLength(entry);
    if (real === null || !entry.estimate) continue;
    const key = `${entry.clinicDay}|${entry.departmentId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { day: entry.clinicDay, departmentId: entry.departmentId, pairs: [] }));
    group.pairs.push([entry.estimate, real]);
  }
  return [...groups.values()]
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.departmentId - b.departmentId))
    .map(({ day, departmentId, pairs }) => {
      const n = pairs.length;
      const sum = (f: (pair: [WaitEstimate, number]) => number) => pairs.reduce((s, p) => s + f(p), 0);
      return {
        day,
        departmentId,
        count: n,
        meanEstimatedMinutes: round(sum(([e]) => e.estimatedMinutes) / n),
        meanRealMinutes: round(sum(([, real]) => real) / n),
        maeMinutes: round(sum(([e, real]) => Math.abs(e.estimatedMinutes - real)) / n),
        insideShare: Math.round((pairs.filter(([e, real]) => e.lowMinutes <= real && real <= e.highMinutes).length / n) * 1000) / 1000,
      };
    });
}
