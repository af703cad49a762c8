import { expect } from 'chai';
import type { Bundle, Condition, Encounter, FhirResource, MedicationRequest, Observation, Patient as FhirPatient } from 'fhir/r4';
import type { RecordView } from '../../common/records';
import type { Patient } from '../../server/models';
import { makeAppointment, makePatient, makeSlot } from '../support/clinic-factories';
import { resetDatabase } from '../support/db';
import { createToken, entriesOf, expectValidR4, signedVisit, type TokenClient } from '../support/fhir';
import { allergicPatient, recordsClinic, signedInDoctor, visitWithDraft, type RecordsClinic, type SignedInDoctor } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

describe('FHIR R4 API: a signed visit exported as Encounter, Observations, Condition and MedicationRequests', () => {
  let server: TestServer;
  let clinic: RecordsClinic;
  let doctor: SignedInDoctor;
  let emr: TokenClient;
  let patient: Patient;
  let signed: RecordView;
  let draftEntryId: number;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    clinic = await recordsClinic(server);
    doctor = await signedInDoctor(server, clinic.department);
    emr = await createToken(server, clinic.admin.agent);
    patient = await allergicPatient({ fullName: 'Amina Okafor', phone: '+447700900123' });
    signed = await signedVisit(clinic.reception.agent, doctor, patient);
    // A second visit of the same patient, still a draft: it must not be exported.
    const draft = await visitWithDraft(clinic.reception.agent, doctor, patient);
    draftEntryId = draft.entry.id;
    await makeAppointment(await makeSlot(doctor.doctor.id), { patientId: patient.id });
  });
  after(() => server.close());

  const search = async (path: string, client: { get: TokenClient['get'] } = emr) => {
    const res = await client.get<Bundle<FhirResource>>(`/fhir/R4/${path}`);
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^application\/fhir\+json/);
    return { bundle: res.body, resources: entriesOf(res.body) };
  };

  it('exports the signed visit as an Encounter with the queue stages as statusHistory, and not the draft visit', async () => {
    const { resources } = await search(`Encounter?patient=Patient/${patient.id}`);
    expect(resources.map((r) => r.id)).to.deep.equal([String(signed.queueEntryId)]);
    const encounter = resources[0] as Encounter;
    expect(encounter.status).to.equal('finished');
    expect(encounter.class.code).to.equal('AMB');
    expect(encounter.statusHistory!.map((h) => h.status)).to.deep.equal(['arrived', 'in-progress']);
    expect(encounter.statusHistory![0].period.end).to.equal(encounter.statusHistory![1].period.start);
    expect(encounter.subject).to.deep.equal({ reference: `Patient/${patient.id}` });
    expect(encounter.participant![0].individual).to.deep.equal({ reference: `Practitioner/${doctor.doctor.id}` });
    expect(encounter.diagnosis![0].condition).to.deep.equal({ reference: `Condition/${signed.id}` });
    const unsigned = await emr.get(`/fhir/R4/Encounter/${draftEntryId}`);
    expect(unsigned.status).to.equal(404);
    expect(unsigned.body.resourceType).to.equal('OperationOutcome');
  });

  it('exports every vital with its LOINC code and UCUM unit, blood pressure as one panel with two components', async () => {
    const { resources } = await search(`Observation?patient=${patient.id}&encounter=Encounter/${signed.queueEntryId}`);
    const byCode = new Map((resources as Observation[]).map((o) => [o.code.coding![0].code, o]));
    expect([...byCode.keys()].sort()).to.deep.equal(['29463-7', '39156-5', '59408-5', '8302-2', '8310-5', '85354-9', '8867-4', '9279-1'].sort());
    const bp = byCode.get('85354-9')!;
    expect(bp.valueQuantity).to.equal(undefined);
    expect(bp.component!.map((c) => [c.code.coding![0].code, c.valueQuantity!.value, c.valueQuantity!.code])).to.deep.equal([
      ['8480-6', 128, 'mm[Hg]'],
      ['8462-4', 84, 'mm[Hg]'],
    ]);
    const quantity = (code: string) => { const q = byCode.get(code)!.valueQuantity!; return [q.value, q.system, q.code]; };
    expect(quantity('59408-5')).to.deep.equal([97, 'http://unitsofmeasure.org', '%']);
    expect(quantity('8310-5')).to.deep.equal([37.9, 'http://unitsofmeasure.org', 'Cel']);
    expect(quantity('8867-4')).to.deep.equal([76, 'http://unitsofmeasure.org', '/min']);
    expect(quantity('9279-1')).to.deep.equal([18, 'http://unitsofmeasure.org', '/min']);
    expect(quantity('29463-7')).to.deep.equal([70, 'http://unitsofmeasure.org', 'kg']);
    expect(quantity('8302-2')).to.deep.equal([175, 'http://unitsofmeasure.org', 'cm']);
    expect(quantity('39156-5')).to.deep.equal([22.9, 'http://unitsofmeasure.org', 'kg/m2']);
    for (const o of resources as Observation[]) {
      expect(o.category![0].coding![0].code).to.equal('vital-signs');
      expect(o.status).to.equal('final');
    }
    const one = await search(`Observation?code=http://loinc.org|85354-9&patient=${patient.id}`);
    expect(one.resources.map((r) => r.id)).to.deep.equal([`${signed.id}-bp`]);
  });

  it('exports the diagnosis as a Condition coded in ICD-10', async () => {
    const { resources } = await search(`Condition?patient=${patient.id}`);
    expect(resources).to.have.length(1);
    const condition = resources[0] as Condition;
    expect(condition.code!.coding).to.deep.equal([{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'J02.9', display: condition.code!.coding![0].display }]);
    expect(condition.code!.coding![0].display).to.be.a('string').and.not.equal('');
    expect(condition.code!.text).to.equal('Acute pharyngitis');
    expect(condition.encounter).to.deep.equal({ reference: `Encounter/${signed.queueEntryId}` });
    expect(condition.category![0].coding![0].code).to.equal('encounter-diagnosis');
  });

  it('exports each prescription line as a MedicationRequest, with a structured dosage where the line has one', async () => {
    const { resources } = await search(`MedicationRequest?patient=${patient.id}`);
    const [amoxicillin, lozenges] = resources as MedicationRequest[];
    expect(resources).to.have.length(2);
    expect(amoxicillin.medicationCodeableConcept!.text).to.equal('Amoxicillin 500 mg capsules');
    expect(amoxicillin.intent).to.equal('order');
    const dosage = amoxicillin.dosageInstruction![0];
    expect(dosage.doseAndRate![0].doseQuantity).to.deep.equal({ value: 500, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' });
    expect(dosage.timing!.repeat).to.deep.equal({ frequency: 3, period: 1, periodUnit: 'd', boundsDuration: { value: 7, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } });
    expect(dosage.route).to.deep.equal({ text: 'oral' });
    expect(dosage.patientInstruction).to.equal('Finish the course.');
    // Words that have no structure stay words.
    const loose = lozenges.dosageInstruction![0];
    expect(loose.text).to.equal('one, when it hurts');
    expect(loose.timing).to.equal(undefined);
    expect(loose.doseAndRate).to.equal(undefined);
  });

  it('exports the Patient, the Practitioner, the Appointment, the Schedule and its Slots, all valid R4', async () => {
    const read = await emr.get<FhirPatient>(`/fhir/R4/Patient/${patient.id}`);
    expect(read.status).to.equal(200);
    expectValidR4(read.body);
    expect([read.body.name![0].text, read.body.gender, read.body.birthDate]).to.deep.equal(['Amina Okafor', 'female', patient.dateOfBirth]);
    expect(read.body.identifier![0].value).to.equal(patient.medicalRecordNumber);
    const byMrn = await search(`Patient?identifier=${patient.medicalRecordNumber}`);
    expect(byMrn.resources.map((r) => r.id)).to.deep.equal([String(patient.id)]);
    const practitioner = await emr.get(`/fhir/R4/Practitioner/${doctor.doctor.id}`);
    expectValidR4(practitioner.body);
    const appointments = await search(`Appointment?patient=${patient.id}`);
    expect(appointments.resources.map((r) => (r as { status: string }).status)).to.deep.equal(['booked']);
    const schedule = await search(`Schedule?actor=Practitioner/${doctor.doctor.id}`);
    expect(schedule.resources).to.have.length(1);
    const slots = await search(`Slot?schedule=Schedule/${doctor.doctor.id}`);
    expect(slots.resources.map((r) => (r as { status: string }).status)).to.deep.equal(['busy']);
  });

  it('answers $everything with the patient and their signed visits only', async () => {
    const other = await makePatient();
    // Another doctor: this one still has the draft visit in consultation.
    await signedVisit(clinic.reception.agent, await signedInDoctor(server, clinic.department), other);
    const { resources } = await search(`Patient/${patient.id}/$everything`);
    const types = resources.map((r) => r.resourceType);
    expect(types[0]).to.equal('Patient');
    expect(resources.filter((r) => r.resourceType === 'Encounter').map((r) => r.id)).to.deep.equal([String(signed.queueEntryId)]);
    expect(types.filter((t) => t === 'Observation')).to.have.length(8);
    expect(types.filter((t) => t === 'Condition')).to.have.length(1);
    expect(types.filter((t) => t === 'MedicationRequest')).to.have.length(2);
    expect(types).to.include.members(['Appointment', 'Practitioner']);
    // Nothing of the other patient's, nothing of the draft.
    const refs = JSON.stringify(resources);
    expect(refs).not.to.include(`Patient/${other.id}"`);
    expect(refs).not.to.include(`Encounter/${draftEntryId}"`);
  });

  it('pages a searchset with _count and next links until the last page, and filters by date and _lastUpdated', async () => {
    const seen: string[] = [];
    let next: string | undefined = `Observation?patient=${patient.id}&_count=3`;
    let pages = 0;
    while (next) {
      const { bundle, resources } = await search(next);
      expect(bundle.total).to.equal(8);
      expect(resources.length).to.be.at.most(3);
      seen.push(...resources.map((r) => r.id!));
      next = bundle.link!.find((l) => l.relation === 'next')?.url.replace(/^.*\/fhir\/R4\//, '');
      pages += 1;
    }
    expect(pages).to.equal(3);
    expect(new Set(seen).size).to.equal(8);

    const today = signed.signedAt!.slice(0, 10);
    expect((await search(`Encounter?patient=${patient.id}&date=ge${today}`)).resources).to.have.length(1);
    expect((await search(`Encounter?patient=${patient.id}&date=lt${today}`)).resources).to.have.length(0);
    const later = new Date(Date.parse(signed.updatedAt) + 60_000).toISOString();
    expect((await search(`Condition?patient=${patient.id}&_lastUpdated=gt${encodeURIComponent(later)}`)).resources).to.have.length(0);
    expect((await search(`Condition?patient=${patient.id}&_lastUpdated=le${encodeURIComponent(later)}`)).resources).to.have.length(1);
  });

  it('serves a CapabilityStatement at /fhir/R4/metadata and refuses an unknown search parameter with an OperationOutcome', async () => {
    const res = await fetch(`${server.baseUrl}/fhir/R4/metadata`);
    const body = (await res.json()) as { fhirVersion: string; rest: { resource: { type: string }[] }[] };
    expect(body.fhirVersion).to.equal('4.0.1');
    // The package ships R4's first schema (4.0.0), whose fhirVersion list ends before the 4.0.1 technical correction
    // (which changed no structure): everything else is checked as served.
    expectValidR4({ ...body, fhirVersion: '4.0.0' } as never);
    expect(body.rest[0].resource.map((r) => r.type)).to.have.members(['Patient', 'Practitioner', 'Encounter', 'Observation', 'Condition', 'MedicationRequest', 'Appointment', 'Schedule', 'Slot']);
    const bad = await emr.get(`/fhir/R4/Observation?subjekt=${patient.id}`);
    expect(bad.status).to.equal(400);
    expectValidR4(bad.body);
    expect(bad.body.issue[0].details.coding[0].code).to.equal('unsupported_search');
  });
});
