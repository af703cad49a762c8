import type { Dosage, Duration, Quantity, TimingRepeat } from 'fhir/r4';
import type { PrescriptionItem } from '../models';
import { UCUM } from './codes';

/** Dose units written in UCUM as they are typed (and the spellings doctors use for them). */
const UCUM_UNITS: Record<string, string> = { mg: 'mg', g: 'g', mcg: 'ug', ug: 'ug', µg: 'ug', ml: 'mL', mL: 'mL', l: 'L', iu: '[iU]', IU: '[iU]' };

/** A dose such as `500 mg`, `1 g` or `2 tablets` as a quantity (UCUM-coded where the unit is a UCUM unit). */
export function doseQuantity(dose: string | null): Quantity | null {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*([A-Za-zµ]+)\s*$/.exec(dose ?? '');
  if (!match) return null;
  const value = Number(match[1].replace(',', '.'));
  const ucum = UCUM_UNITS[match[2]] ?? UCUM_UNITS[match[2].toLowerCase()];
  return ucum ? { value, unit: match[2], system: UCUM, code: ucum } : { value, unit: match[2] };
}

// Most specific first: "twice daily" must not be read as "daily".
const PER_DAY: [RegExp, number][] = [
  [/\b(twice (a |per )?day|twice daily|bid|bd)\b/i, 2],
  [/\b(three times (a |per )?day|thrice daily|tid|tds)\b/i, 3],
  [/\b(four times (a |per )?day|qid|qds)\b/i, 4],
  [/\b(once (a |per )?day|once daily|daily|od|qd)\b/i, 1],
];

/** How often, from words such as `every 6 hours`, `twice daily`, `3 times a day`, `BID` or `weekly`. */
export function timingRepeat(frequency: string | null): TimingRepeat | null {
  const text = frequency ?? '';
  const hours = /\bevery (\d+) ?(hours?|h)\b/i.exec(text);
  if (hours) return { frequency: 1, period: Number(hours[1]), periodUnit: 'h' };
  const times = /\b(\d+) times (a|per) day\b/i.exec(text);
  if (times) return { frequency: Number(times[1]), period: 1, periodUnit: 'd' };
  for (const [pattern, perDay] of PER_DAY) if (pattern.test(text)) return { frequency: perDay, period: 1, periodUnit: 'd' };
  if (/\b(weekly|once a week)\b/i.test(text)) return { frequency: 1, period: 1, periodUnit: 'wk' };
  return null;
}

const DURATION_UNITS: Record<string, string> = { day: 'd', week: 'wk', month: 'mo' };

/** A course length such as `5 days` or `2 weeks`. */
export function courseLength(duration: string | null): Duration | null {
  const match = /^\s*(\d+)\s*(day|week|month)s?\s*$/i.exec(duration ?? '');
  if (!match) return null;
  const unit = match[2].toLowerCase();
  return { value: Number(match[1]), unit: `${unit}s`, system: UCUM, code: DURATION_UNITS[unit] };
}

/**
 * One prescription line as a FHIR Dosage: always the doctor's words as `text`, and the structure the words have
 * (dose quantity, timing, course length, as needed, route) wherever they can be read without guessing.
 */
export function toDosage(item: PrescriptionItem): Dosage {
  const text = [item.dose, item.route, item.frequency, item.duration ? `for ${item.duration}` : null].filter(Boolean).join(', ');
  const dose = doseQuantity(item.dose);
  const repeat = { ...(timingRepeat(item.frequency) ?? {}) };
  const course = courseLength(item.duration);
  if (course) repeat.boundsDuration = course;
  const asNeeded = /\b(as needed|as required|when required|prn)\b/i.test(item.frequency ?? '');
  return {
    sequence: 1,
    ...(text ? { text } : {}),
    ...(item.instructions ? { patientInstruction: item.instructions } : {}),
    ...(Object.keys(repeat).length ? { timing: { repeat } } : {}),
    ...(asNeeded ? { asNeededBoolean: true } : {}),
    ...(item.route ? { route: { text: item.route } } : {}),
    ...(dose ? { doseAndRate: [{ doseQuantity: dose }] } : {}),
  };
}
