import { expect } from 'chai';
import { LogNotifier } from '../../server/patient-portal/notifier';
import type { RecordView, SignOffResponse } from '../../common/records';
import type { Patient } from '../../server/models';
import { Agent } from './http';
import { fullDraft, visitWithDraft, type SignedInDoctor } from './records';
import type { TestServer } from './server';

/** An HTTP client that keeps the patient dashboard's cookie (`mq_patient`), as a patient's phone would. */
export function patientAgent(server: TestServer): Agent {
  const agent = new Agent(server);
  agent.cookieName = 'mq_patient';
  return agent;
}

/** The code in the latest message the development notifier "sent" (its test outbox), or undefined. */
export function lastCode(server: TestServer): string | undefined {
  const notifier = server.services.patientPortal.notifier;
  if (!(notifier instanceof LogNotifier)) throw new Error('the test server should use the development notifier');
  return notifier.outbox.at(-1)?.text.match(/\b(\d{6})\b/)?.[1];
}

/** How many messages the development notifier has "sent" so far. */
export function sentCount(server: TestServer): number {
  return (server.services.patientPortal.notifier as LogNotifier).outbox.length;
}

/** Asks for a code for `identifier` and signs in with it; fails loudly unless both work. */
export async function signInPatient(server: TestServer, identifier: string): Promise<Agent> {
  const agent = patientAgent(server);
  const asked = await agent.post('/api/me/sign-in/code', { identifier });
  expect(asked.status, JSON.stringify(asked.body)).to.equal(202);
  const res = await agent.post('/api/me/sign-in', { identifier, code: lastCode(server) });
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return agent;
}

/** A visit of `patient` with `doctor`, checked in at `desk`, seen, and its record signed with fullDraft's content. */
export async function signedVisit(desk: Agent, doctor: SignedInDoctor, patient: Patient): Promise<RecordView> {
  const { entry, record } = await visitWithDraft(desk, doctor, patient);
  const saved = await doctor.agent.request<RecordView>('PUT', `/api/records/${record.id}`, fullDraft(0));
  const res = await doctor.agent.post<SignOffResponse>(`/api/records/${record.id}/sign`, { revision: saved.body.revision, expectedVersion: entry.version });
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return res.body.record;
}
