import type { FhirResource } from 'fhir/r4';
import { Op, type WhereOptions } from 'sequelize';
import type { PageRequest, SearchPage } from '../bundle';
import { dateConditions, values, type FhirQuery } from '../search-params';

/** Who reads: an admin or a doctor (signed in), or an API client (token). */
export interface FhirReader {
  /** The staff member; null for an API client. */
  userId: number | null;
  tokenId: number | null;
  /** For a doctor: clinical resources are limited to their department's and their own visits. */
  doctor: { id: number; departmentId: number } | null;
}

/** What every search and read is given. */
export interface SearchContext {
  reader: FhirReader;
  /** The clinic's time zone, in which a date without a time is a whole local day. */
  zone: string;
}

/** One resource type the server serves: the search parameters it takes, its search and its read. */
export interface ResourceHandler {
  type: FhirResource['resourceType'];
  /** Search parameters besides `_count` and `_offset`; every handler takes `_id` and `_lastUpdated`. */
  params: readonly string[];
  search(query: FhirQuery, page: PageRequest, ctx: SearchContext): Promise<SearchPage>;
}

/** Reads one resource through its handler's `_id` search; null when there is none (or the reader may not see it). */
export async function readById(handler: ResourceHandler, id: string, ctx: SearchContext): Promise<FhirResource | null> {
  const page = await handler.search({ _id: id }, { offset: 0, count: 1 }, ctx);
  return page.resources[0] ?? null;
}

/** The whole-number ids an `_id` parameter names; [] when it names none this table could hold. */
export function numericIds(query: FhirQuery): number[] | undefined {
  const ids = values(query, '_id');
  if (!ids.length) return undefined;
  return ids.filter((id) => /^\d{1,10}$/.test(id)).map(Number);
}

/** `where` conditions for `_id` (on `column`) and `_lastUpdated` (on `updatedColumn`). */
export function commonConditions(query: FhirQuery, ctx: SearchContext, column = 'id', updatedColumn = 'updatedAt'): WhereOptions[] {
  const ids = numericIds(query);
  return [
    ...(ids ? [{ [column]: { [Op.in]: ids } }] : []),
    ...dateConditions(query, '_lastUpdated', updatedColumn, ctx.zone),
  ];
}

/** All of `conditions` (an empty list matches everything). */
export const all = (conditions: WhereOptions[]): WhereOptions => ({ [Op.and]: conditions });
