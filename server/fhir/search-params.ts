import { DateTime } from 'luxon';
import { Op, type WhereOptions } from 'sequelize';
import { AppError } from '../errors';

/** The raw query of a FHIR search (Koa's: a repeated parameter is an array). */
export type FhirQuery = Record<string, string | string[] | undefined>;

/** 400 for a search this server cannot answer faithfully (an unknown parameter would otherwise be ignored: too wide). */
export const unsupportedSearch = (message: string) => new AppError(400, 'unsupported_search', message);

/** Every value of a parameter (`date=ge2026-01-01&date=le2026-02-01` gives two; comma lists are not split). */
export function values(query: FhirQuery, name: string): string[] {
  const raw = query[name];
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v) => v !== '');
}

/** Refuses parameters other than `allowed` and the paging ones. */
export function assertKnownParams(query: FhirQuery, allowed: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (name === '_count' || name === '_offset' || name === '_format') continue;
    if (!allowed.includes(name)) {
      throw unsupportedSearch(`The search parameter "${name}" is not supported here; supported: ${[...allowed, '_count', '_offset'].join(', ')}.`);
    }
  }
}

/** A positive id from a reference parameter (`patient=12` or `patient=Patient/12`), or 400. */
export function referenceId(value: string, type: string): number {
  const match = new RegExp(`^(?:${type}/)?(\\d+)$`).exec(value);
  if (!match) throw unsupportedSearch(`"${value}" is not a ${type} reference this server knows (use ${type}/{id}).`);
  return Number(match[1]);
}

/** The single id a reference parameter names, or undefined when it is absent. */
export function referenceParam(query: FhirQuery, name: string, type: string): number | undefined {
  const all = values(query, name);
  if (all.length > 1) throw unsupportedSearch(`Give "${name}" once.`);
  return all.length ? referenceId(all[0], type) : undefined;
}

const PREFIXES = ['eq', 'ne', 'gt', 'lt', 'ge', 'le', 'sa', 'eb'] as const;
type Prefix = (typeof PREFIXES)[number];

/** The instant range a FHIR date value stands for: a day is the whole day, in the clinic's time zone. */
function range(value: string, zone: string): { start: Date; end: Date } {
  const precision = /^\d{4}$/.test(value) ? 'year' : /^\d{4}-\d{2}$/.test(value) ? 'month' : /^\d{4}-\d{2}-\d{2}$/.test(value) ? 'day' : null;
  const parsed = DateTime.fromISO(value, { zone, setZone: true });
  if (!parsed.isValid) throw unsupportedSearch(`"${value}" is not a FHIR date or dateTime.`);
  if (!precision) {
    // A dateTime to the second (or millisecond): its own second.
    const unit = value.includes('.') ? 'millisecond' : 'second';
    return { start: parsed.startOf(unit).toJSDate(), end: parsed.endOf(unit).plus({ milliseconds: 1 }).toJSDate() };
  }
  return { start: parsed.startOf(precision).toJSDate(), end: parsed.endOf(precision).plus({ milliseconds: 1 }).toJSDate() };
}

/** One date condition: `ge2026-12-01` as a `where` on `column`. */
function dateCondition(column: string, raw: string, zone: string): WhereOptions {
  const hasPrefix = /^[a-z]{2}/.test(raw);
  const prefix = (hasPrefix ? raw.slice(0, 2) : 'eq') as Prefix;
  if (!PREFIXES.includes(prefix)) throw unsupportedSearch(`"${raw.slice(0, 2)}" is not a date prefix (${PREFIXES.join(', ')}).`);
  const { start, end } = range(hasPrefix ? raw.slice(2) : raw, zone);
  switch (prefix) {
    case 'eq': return { [column]: { [Op.gte]: start, [Op.lt]: end } };
    case 'ne': return { [Op.or]: [{ [column]: { [Op.lt]: start } }, { [column]: { [Op.gte]: end } }] };
    case 'gt': case 'sa': return { [column]: { [Op.gte]: end } };
    case 'lt': case 'eb': return { [column]: { [Op.lt]: start } };
    case 'ge': return { [column]: { [Op.gte]: start } };
    case 'le': return { [column]: { [Op.lt]: end } };
  }
}

/** Every value of date parameter `name` as `where` conditions on `column` (all must hold). */
export function dateConditions(query: FhirQuery, name: string, column: string, zone: string): WhereOptions[] {
  return values(query, name).map((raw) => dateCondition(column, raw, zone));
}
