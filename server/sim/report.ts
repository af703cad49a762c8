import { formatHourRange } from '../../common/clinic-format';
import { groupBy, meetsGoal, summarize, type ErrorSummary, type Outcome } from './measure';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const min = (minutes: number) => minutes.toFixed(1);

function row(label: string, s: ErrorSummary): string {
  return `| ${label} | ${s.count} | ${min(s.meanRealMinutes)} | ${min(s.maeMinutes)} | ${min(s.biasMinutes)} | ${pct(s.maeShare)} | ${pct(s.insideShare)} |`;
}

const HEADER = ['| | estimates | mean real wait (min) | MAE (min) | bias (min) | MAE / real wait | real wait inside range |', '|---|---:|---:|---:|---:|---:|---:|'];

/**
 * The error table `npm run simulate` prints (Markdown, so the README can quote it): all check-ins, all updates,
 * then check-ins by department and by hour of check-in, and whether the goal is met.
 */
export function errorTable(outcomes: readonly Outcome[], departmentNames: ReadonlyMap<number, string>): string {
  const checkIns = outcomes.filter((o) => o.atCheckIn);
  const overall = summarize(checkIns);
  const lines = [
    ...HEADER,
    row('**at check-in**', overall),
    row('every update while waiting', summarize(outcomes)),
    ...groupBy(checkIns, (o) => departmentNames.get(o.departmentId) ?? `department ${o.departmentId}`).map(([name, s]) => row(name, s)),
    ...groupBy(checkIns, (o) => o.hour).map(([hour, s]) => row(`checked in ${formatHourRange(hour)}`, s)),
  ];
  lines.push('', `Goal (MAE at most 20% of the real wait, at least 80% inside the range) at check-in: ${meetsGoal(overall) ? 'MET' : 'NOT MET'}.`);
  return lines.join('\n');
}
