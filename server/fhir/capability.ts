import type { CapabilityStatement, CapabilityStatementRestResourceSearchParam } from 'fhir/r4';
import { instant } from './codes';
import type { ResourceHandler } from './search/context';

type ParamType = CapabilityStatementRestResourceSearchParam['type'];

const PARAM_TYPES: Record<string, ParamType> = {
  _id: 'token',
  _lastUpdated: 'date',
  patient: 'reference',
  encounter: 'reference',
  practitioner: 'reference',
  actor: 'reference',
  schedule: 'reference',
  date: 'date',
  start: 'date',
  'recorded-date': 'date',
  authoredon: 'date',
  code: 'token',
  category: 'token',
  identifier: 'token',
  name: 'string',
};

/**
 * The CapabilityStatement at /fhir/R4/metadata: FHIR 4.0.1, JSON, read and search on every served type with its
 * search parameters, Patient $everything, and how to authenticate.
 */
export function capabilityStatement(handlers: Iterable<ResourceHandler>, base: string, published: Date): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: instant(published),
    kind: 'instance',
    software: { name: 'MediQueue' },
    implementation: { description: 'MediQueue FHIR R4 read API', url: base },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        documentation: 'Read-only. Only signed consultation records are exported. Paging: _count (1-200, default 50) and _offset; follow the Bundle\'s next link.',
        security: {
          description: 'A staff session (admin, or a doctor for their department\'s visits), or an API token with the fhir:read scope sent as "Authorization: Bearer <token>".',
        },
        resource: [...handlers].map((handler) => ({
          type: handler.type,
          interaction: [{ code: 'read' as const }, { code: 'search-type' as const }],
          searchParam: handler.params.map((name) => ({ name, type: PARAM_TYPES[name] ?? 'string' })),
          ...(handler.type === 'Patient'
            ? { operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }] }
            : {}),
        })),
      },
    ],
  };
}
