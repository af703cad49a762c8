import type { FhirResource } from 'fhir/r4';
import { notFound } from '../errors';
import { slice, type PageRequest, type SearchPage } from './bundle';
import { conditions, encounters, medicationRequests, observations } from './search/clinical';
import { readById, type ResourceHandler, type SearchContext } from './search/context';
import { appointments, patients, practitioners, schedules, slots } from './search/directory';

/** Every resource type the FHIR API serves, by name. */
export const HANDLERS: ReadonlyMap<string, ResourceHandler> = new Map(
  [patients, practitioners, encounters, observations, conditions, medicationRequests, appointments, schedules, slots].map((h) => [h.type, h]),
);

/** The whole of one search, for $everything (one patient's history is small enough to hold). */
const EVERYTHING: PageRequest = { offset: 0, count: Number.MAX_SAFE_INTEGER };

/**
 * Patient/{id}/$everything: the patient, their signed visits with everything recorded in them (vitals, diagnoses,
 * prescriptions), their appointments and the doctors these name, paged like a search.
 */
export async function patientEverything(patientId: string, page: PageRequest, ctx: SearchContext): Promise<SearchPage> {
  const patient = await readById(patients, patientId, ctx);
  if (!patient) throw notFound('That patient');
  const about = { patient: patientId };
  const found: FhirResource[] = [patient];
  for (const handler of [encounters, observations, conditions, medicationRequests, appointments]) {
    found.push(...(await handler.search(about, EVERYTHING, ctx)).resources);
  }
  const doctorIds = new Set<string>();
  for (const resource of found) {
    if (resource.resourceType === 'Encounter') resource.participant?.forEach((p) => doctorIds.add(p.individual!.reference!.split('/')[1]));
    if (resource.resourceType === 'Appointment') resource.participant.forEach((p) => p.actor?.reference?.startsWith('Practitioner/') && doctorIds.add(p.actor.reference.split('/')[1]));
  }
  if (doctorIds.size) found.push(...(await practitioners.search({ _id: [...doctorIds] }, EVERYTHING, ctx)).resources);
  return { total: found.length, resources: slice(found, page) };
}
