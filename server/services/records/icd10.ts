import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Icd10Entry } from '../../../common/records';

/**
 * The ICD-10 list shipped with the project (server/data/icd10.json): a selection of WHO ICD-10 (2019) codes and
 * titles common in outpatient care. A record's optional code must be one of them, so every stored code has a title.
 */
const FILE = path.join(import.meta.dirname, '..', '..', 'data', 'icd10.json');

let loaded: { entries: Icd10Entry[]; byCode: Map<string, Icd10Entry> } | undefined;

function list() {
  if (!loaded) {
    const entries = JSON.parse(readFileSync(FILE, 'utf8')) as Icd10Entry[];
    loaded = { entries, byCode: new Map(entries.map((e) => [e.code, e])) };
  }
  return loaded;
}

/** Codes compare without their dot and case, so "j069" finds J06.9. */
const bare = (code: string) => code.replace(/\./g, '').toUpperCase();

/** The entry for `code` as written in the list (J06.9), or undefined when it is not in the list. */
export function icd10Entry(code: string): Icd10Entry | undefined {
  return list().byCode.get(code.trim().toUpperCase());
}

/** Every entry, in code order. */
export function icd10All(): readonly Icd10Entry[] {
  return list().entries;
}

/**
 * Searches by code or by words of the title. An exact code comes first, then codes starting with the query, then
 * titles containing every word of the query (words matched at word starts, so "hyper" finds hypertension).
 */
export function searchIcd10(query: string, limit = 20): Icd10Entry[] {
  const q = query.trim();
  if (!q) return list().entries.slice(0, limit);
  const code = bare(q);
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const scored: { entry: Icd10Entry; score: number }[] = [];
  for (const entry of list().entries) {
    const entryCode = bare(entry.code);
    let score = 0;
    if (entryCode === code) score = 3;
    else if (entryCode.startsWith(code)) score = 2;
    else if (words.length && words.every((w) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(w)}`, 'iu').test(entry.title))) {
      score = 1;
    }
    if (score) scored.push({ entry, score });
  }
  scored.sort((a, b) => b.score - a.score || a.entry.code.localeCompare(b.entry.code));
  return scored.slice(0, limit).map((s) => s.entry);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
