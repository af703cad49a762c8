import { readFileSync } from 'node:fs';
import type { ForecastInput } from '../../server/queue/rules/forecast';
import type { CapturedCheckIn, CapturedInput } from './capture';

/** An entry row of the capture, times as epoch ms (null when unset). */
export interface Row {
  id: number;
  departmentId: number;
  doctorId: number | null;
  priority: 'normal' | 'priority' | 'emergency';
  status: string;
  clinicDay: string;
  checkedInAt: number;
  firstCalledAt: number | null;
  calledAt: number | null;
  consultationStartedAt: number | null;
  completedAt: number | null;
  skippedAt: number | null;
  transferredAt: number | null;
  cancelledAt: number | null;
  transferredFromId: number | null;
  appointmentId: number | null;
}

/** A line entry of a captured input, with its id (the forecast itself does not need it). */
export type LineItem = ForecastInput['line'][number] & { id: number };

/** A captured input as the forecast takes it. */
export type ReplayInput = Omit<ForecastInput, 'line'> & { line: LineItem[] };

/** A capture read back: check-ins with their input as the forecast takes it, and every entry row by day. */
export interface Capture {
  checkIns: Array<CapturedCheckIn & { day: string; seed: number; forecastInput: ReplayInput }>;
  rowsByDay: Map<string, Row[]>;
  days: string[];
  doctors: Array<{ id: number; departmentId: number; consultationMinutes: number }>;
}

const time = (v: string | null) => (v === null ? null : new Date(v.replace(' +00:00', 'Z').replace(' ', 'T')).getTime());

/** The forecast input of a captured one (dates restored). */
export function toInput(c: CapturedInput): ReplayInput {
  return {
    now: c.now,
    doctors: c.doctors,
    line: c.line.map((l) => ({
      id: l.id,
      doctorId: l.doctorId,
      key: { priority: l.priority as 'normal', checkedInAt: new Date(l.checkedInAt), sequence: l.sequence, appointmentStartsAt: l.slot === null ? null : new Date(l.slot) },
    })),
    bookings: c.bookings,
    showRate: c.showRate,
  };
}

/** Reads a capture written by capture.ts. */
export function readCapture(file: string): Capture {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const rowsByDay = new Map<string, Row[]>();
  for (const e of raw.entries) {
    const row: Row = {
      ...e,
      checkedInAt: time(e.checkedInAt)!,
      firstCalledAt: time(e.firstCalledAt),
      calledAt: time(e.calledAt),
      consultationStartedAt: time(e.consultationStartedAt),
      completedAt: time(e.completedAt),
      skippedAt: time(e.skippedAt),
      transferredAt: time(e.transferredAt),
      cancelledAt: time(e.cancelledAt),
    };
    let list = rowsByDay.get(row.clinicDay);
    if (!list) rowsByDay.set(row.clinicDay, (list = []));
    list.push(row);
  }
  return {
    checkIns: raw.checkIns.filter((c: CapturedCheckIn) => c.input).map((c: CapturedCheckIn) => ({ ...c, forecastInput: toInput(c.input!) })),
    rowsByDay,
    days: raw.days.map((d: { day: string }) => d.day),
    doctors: raw.doctors,
  };
}
