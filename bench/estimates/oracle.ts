import { nextWorkingMoment } from '../../server/queue/rules/forecast';
import { readCapture, type Capture, type Row } from './data';
import { baseline, score, summary, type CheckIn } from './replay';

/**
 * `node --import tsx bench/estimates/oracle.ts /tmp/capture.json`: how far the estimate could get with knowledge
 * no server has, to tell the error the forecast's rules cause from the error of what cannot be known at check-in.
 * It plays the doctors' day forward from each captured check-in under the calling order as the forecast does, but
 * with what really happened afterwards (from the capture's entry rows), one kind of knowledge at a time:
 * - arrivals: the patients who really came later (booked patients due at max(slot, check-in), priority walk-ins,
 *   transfers, which keep their first check-in time), and who left without being called; or one of those four
 *   (bookings, priority, transfers, leavers) alone;
 * - late: when a doctor who had not started really started;
 * - pace: each doctor's real mean time per patient that day (instead of the forecast's cycle);
 * - durations: each patient's real time with the doctor, and when the patient in the room really left.
 * Not for tests or the product: a measuring stick.
 */
type Knowledge = 'arrivals' | 'bookings' | 'priority' | 'transfers' | 'leavers' | 'late' | 'pace' | 'durations';

interface Item {
  id: number;
  doctorId: number | null;
  rank: number;
  checkedInAt: number;
  dueAt: number | null;
  arrives: number;
  /** Their real time with the doctor; null: a cycle of the doctor, times `weight` (an expected booking's share). */
  minutes: number | null;
  weight: number;
  taken: boolean;
}

const RANK = { emergency: 0, priority: 1, normal: 2 } as const;
const MINUTE = 60_000;
const endOf = (r: Row) => r.completedAt ?? r.skippedAt ?? r.transferredAt;

/** An estimator that knows `known` about the rest of the day. */
export function oracle(capture: Capture, known: ReadonlySet<Knowledge>): (c: CheckIn) => number | null {
  const slotOf = new Map<number, number>();
  for (const c of capture.checkIns) for (const l of c.forecastInput.line) if (l.key.appointmentStartsAt) slotOf.set(l.id, l.key.appointmentStartsAt.getTime());
  const paces = new Map<string, number>();
  const paceOf = (day: string, doctorId: number, fallback: number) => {
    const key = `${day}:${doctorId}`;
    if (!paces.has(key)) {
      const seen = capture.rowsByDay.get(day)!.filter((r) => r.doctorId === doctorId && r.firstCalledAt !== null && endOf(r) !== null);
      paces.set(key, seen.length ? seen.reduce((s, r) => s + (endOf(r)! - r.firstCalledAt!) / MINUTE, 0) / seen.length : fallback);
    }
    return paces.get(key)!;
  };
  return (c) => {
    const input = c.forecastInput;
    const rows = capture.rowsByDay.get(c.day)!;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const now = c.at;
    const knows = (k: Knowledge) => known.has(k) || known.has('arrivals');
    const itemOf = (r: Row, arrives: number, doctorId: number | null): Item | null =>
      r.firstCalledAt === null
        ? null
        : {
            id: r.id, doctorId, rank: RANK[r.priority], checkedInAt: r.checkedInAt, dueAt: r.appointmentId !== null ? (slotOf.get(r.id) ?? null) : null,
            arrives, minutes: endOf(r) ? (endOf(r)! - r.firstCalledAt) / MINUTE : null, weight: 1, taken: false,
          };
    const items: Item[] = [];
    const inLine = new Set(input.line.map((l) => l.id));
    for (const l of input.line) {
      const row = byId.get(l.id)!;
      const item = itemOf(row, now, l.doctorId);
      // Without knowing who leaves, everyone in line is seen.
      if (item) items.push(item);
      else if (!knows('leavers')) items.push({ id: row.id, doctorId: l.doctorId, rank: RANK[row.priority], checkedInAt: row.checkedInAt, dueAt: null, arrives: now, minutes: null, weight: 1, taken: false });
    }
    if (!knows('bookings')) {
      // The bookings the forecast expects, as it expects them.
      input.bookings.forEach((b, i) => {
        items.push({ id: -1 - i, doctorId: b.doctorId, rank: 2, checkedInAt: b.startsAt, dueAt: b.startsAt, arrives: b.startsAt, minutes: null, weight: input.showRate * b.likelihood, taken: false });
      });
    }
    {
      for (const r of rows) {
        if (r.departmentId !== c.departmentId || inLine.has(r.id)) continue;
        const kind = r.transferredFromId !== null ? 'transfers' : r.appointmentId !== null ? 'bookings' : r.priority !== 'normal' ? 'priority' : 'walk-ins';
        // Later normal walk-ins never go ahead of anyone in line, but keep an idle doctor busy.
        if (kind !== 'walk-ins' && !knows(kind)) continue;
        if (kind === 'walk-ins' && !known.has('arrivals')) continue;
        const from = r.transferredFromId !== null ? byId.get(r.transferredFromId) : undefined;
        const arrives = from?.transferredAt ?? r.checkedInAt;
        if (arrives <= now) continue;
        // Booked patients for their doctor; walk-ins counted as "any doctor" (who named a doctor is not in the rows).
        const item = itemOf(r, arrives, r.appointmentId !== null ? r.doctorId : null);
        if (item) items.push(item);
      }
    }
    const doctors = input.doctors.map((d) => ({ ...d, cycle: known.has('pace') ? paceOf(c.day, d.id, d.cycle) : d.cycle }));
    const free = doctors.map((d) => {
      const current = rows.find((r) => r.doctorId === d.id && !inLine.has(r.id) && r.firstCalledAt !== null && r.firstCalledAt <= now && (endOf(r) ?? Infinity) > now);
      let t = now;
      if (current) t = known.has('durations') ? (endOf(current) ?? now) : Math.max((d.busySince ?? now) + d.cycle * MINUTE, now + 0.2 * d.cycle * MINUTE);
      else if (known.has('late') && d.shifts.length && d.shifts[0].start <= now) {
        const calls = rows.filter((r) => r.doctorId === d.id && r.firstCalledAt !== null).map((r) => r.firstCalledAt!);
        const first = calls.length ? Math.min(...calls) : Infinity;
        if (first > now && first - d.shifts[0].start < 45 * MINUTE) t = first;
      }
      return nextWorkingMoment(d.shifts, t);
    });
    const compare = (a: Item, b: Item, t: number) => {
      const due = (i: Item) => (i.dueAt !== null && i.dueAt <= t ? 0 : 1);
      return a.rank - b.rank || due(a) - due(b) || a.checkedInAt - b.checkedInAt || a.id - b.id;
    };
    const mine = (item: Item, d: (typeof doctors)[number]) => item.doctorId === d.id || (item.doctorId === null && d.own);
    for (;;) {
      let at = -1;
      for (let i = 0; i < doctors.length; i++) if (free[i] < Infinity && (at < 0 || free[i] < free[at])) at = i;
      if (at < 0) return null;
      const d = doctors[at];
      const t = free[at];
      let best: Item | null = null;
      for (const item of items) if (!item.taken && item.arrives <= t && mine(item, d) && (!best || compare(item, best, t) < 0)) best = item;
      if (!best) {
        const next = Math.min(...items.filter((i) => !i.taken && i.arrives > t && mine(i, d)).map((i) => i.arrives));
        free[at] = next < Infinity ? nextWorkingMoment(d.shifts, next) : Infinity;
        continue;
      }
      best.taken = true;
      if (best.id === c.entryId) return (t - now) / MINUTE;
      const minutes = known.has('durations') && best.minutes !== null ? best.minutes : d.cycle * best.weight;
      free[at] = nextWorkingMoment(d.shifts, t + minutes * MINUTE);
    }
  };
}

if (process.argv[1]?.endsWith('oracle.ts')) {
  const capture = readCapture(process.argv[2] ?? '/tmp/capture.json');
  console.log(`${'the forecast'.padEnd(34)} ${summary(score(capture, baseline))}`);
  const sets: Knowledge[][] = [[], ['late'], ['pace'], ['durations'], ['bookings'], ['priority'], ['transfers'], ['leavers'], ['arrivals'], ['arrivals', 'late'], ['arrivals', 'late', 'pace'], ['arrivals', 'late', 'durations']];
  for (const set of sets) console.log(`${('knowing ' + (set.join(', ') || 'nothing more')).padEnd(34)} ${summary(score(capture, oracle(capture, new Set(set))))}`);
}
