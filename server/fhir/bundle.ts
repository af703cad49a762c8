import type { Bundle, BundleLink, FhirResource } from 'fhir/r4';
import { instant } from './codes';
import { unsupportedSearch, values, type FhirQuery } from './search-params';

/** Where one page of a search starts and how long it is. */
export interface PageRequest {
  offset: number;
  count: number;
}

/** One page of matches and how many there are in all. */
export interface SearchPage {
  resources: FhirResource[];
  total: number;
}

/** Entries per page when the client does not say, and the most it may ask for. */
export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 200;

function whole(query: FhirQuery, name: string, fallback: number, min: number, max: number): number {
  const [raw, ...more] = values(query, name);
  if (more.length) throw unsupportedSearch(`Give "${name}" once.`);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw unsupportedSearch(`"${name}" must be a whole number from ${min} to ${max}.`);
  return n;
}

/** `_count` (1 to 200, default 50) and `_offset` (this server's page cursor, from 0) of a search. */
export function pageRequest(query: FhirQuery): PageRequest {
  return { count: whole(query, '_count', DEFAULT_COUNT, 1, MAX_COUNT), offset: whole(query, '_offset', 0, 0, Number.MAX_SAFE_INTEGER) };
}

/** The part of an in-memory list that a page asks for. */
export function slice<T>(all: T[], page: PageRequest): T[] {
  return all.slice(page.offset, page.offset + page.count);
}

/** What the links of a searchset are built from: the server's base (`https://host/fhir/R4`), the path and the query. */
export interface SearchAddress {
  base: string;
  path: string;
  query: FhirQuery;
}

function link(address: SearchAddress, relation: string, offset: number, count: number): BundleLink {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(address.query)) {
    if (name === '_offset' || name === '_count' || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  }
  params.set('_count', String(count));
  if (offset > 0) params.set('_offset', String(offset));
  return { relation, url: `${address.base}${address.path}?${params}` };
}

/**
 * A `searchset` Bundle of one page, with its total and `self`, `next` and `previous` links (offset paging: a
 * client follows `next` until there is none).
 */
export function searchset(page: SearchPage, request: PageRequest, address: SearchAddress, now: Date): Bundle {
  const links = [link(address, 'self', request.offset, request.count)];
  if (request.offset + request.count < page.total) links.push(link(address, 'next', request.offset + request.count, request.count));
  if (request.offset > 0) links.push(link(address, 'previous', Math.max(0, request.offset - request.count), request.count));
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    meta: { lastUpdated: instant(now) },
    total: page.total,
    link: links,
    entry: page.resources.map((resource) => ({
      fullUrl: `${address.base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}
