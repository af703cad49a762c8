import { expect } from 'chai';
import { allergyMatches } from '../../common/allergies';
import type { RecordView } from '../../common/records';
import { checkVital, computeBmi, rangeMessage, VITAL_FIELDS, VITALS, vitalFlags, type Vitals } from '../../common/vitals';
import { MedicalRecord } from '../../server/models';
import { resetDatabase } from '../support/db';
import { allergicPatient, fullDraft, recordsClinic, signedInDoctor, visitWithDraft, type RecordsClinic } from '../support/records';
import { startTestServer, type TestServer } from '../support/server';

const none: Vitals = Object.fromEntries(VITAL_FIELDS.map((f) => [f, null])) as Vitals;

describe('records: vitals ranges, flags and BMI (common/vitals.ts)', () => {
  it('holds the agreed plausible ranges in one place', () => {
    const ranges = Object.fromEntries(VITAL_FIELDS.map((f) => [f, [VITALS[f].min, VITALS[f].max]]));
    expect(ranges).to.deep.equal({
      bpSystolicMmhg: [50, 260],
      bpDiastolicMmhg: [20, 160],
      pulseBpm: [20, 250],
      spo2Percent: [50, 100],
      temperatureC: [30, 45],
      respiratoryRatePerMin: [4, 80],
      weightKg: [0.5, 400],
      heightCm: [30, 250],
    });
  });

  it('accepts the bounds themselves, refuses just outside them, and names the range', () => {
    for (const field of VITAL_FIELDS) {
      const { min, max, decimals } = VITALS[field];
      const step = decimals === 0 ? 1 : 0.1;
      expect(checkVital(field, min), field).to.deep.equal({ value: min });
      expect(checkVital(field, max), field).to.deep.equal({ value: max });
      expect(checkVital(field, min - step), field).to.deep.equal({ error: rangeMessage(field) });
      expect(checkVital(field, max + step), field).to.deep.equal({ error: rangeMessage(field) });
    }
    expect(rangeMessage('spo2Percent')).to.equal('SpO2 must be between 50 and 100 % (a whole number).');
    expect(rangeMessage('temperatureC')).to.equal('Temperature must be between 30 and 45 °C.');
  });

  it('wants whole numbers for counts and pressures, and rounds the rest to one decimal', () => {
    expect(checkVital('pulseBpm', 72.5)).to.have.property('error');
    expect(checkVital('temperatureC', 37.26)).to.deep.equal({ value: 37.3 });
    expect(checkVital('weightKg', 70.04)).to.deep.equal({ value: 70 });
    expect(checkVital('heightCm', null)).to.deep.equal({ value: null });
    expect(checkVital('spo2Percent', Number.NaN)).to.have.property('error');
  });

  it('flags abnormal but plausible values, strictly beyond each threshold', () => {
    expect(vitalFlags({ ...none, spo2Percent: 94, temperatureC: 38 })).to.deep.equal([]);
    const flags = vitalFlags({ ...none, spo2Percent: 93, temperatureC: 38.1, pulseBpm: 45, bpSystolicMmhg: 150, respiratoryRatePerMin: 24 });
    expect(flags.map((f) => [f.field, f.level])).to.deep.equal([
      ['bpSystolicMmhg', 'high'],
      ['pulseBpm', 'low'],
      ['spo2Percent', 'low'],
      ['temperatureC', 'high'],
      ['respiratoryRatePerMin', 'high'],
    ]);
    expect(flags.find((f) => f.field === 'spo2Percent')!.message).to.equal('SpO2 93% is below 94%.');
  });

  it('computes BMI to one decimal only when weight and height are known, and flags it outside 18.5-30', () => {
    expect(computeBmi(70, 175)).to.equal(22.9);
    expect(computeBmi(70, null)).to.equal(null);
    expect(computeBmi(null, 175)).to.equal(null);
    expect(vitalFlags({ ...none, weightKg: 95, heightCm: 170 }).map((f) => [f.field, f.level, f.value])).to.deep.equal([['bmi', 'high', 32.9]]);
    expect(vitalFlags({ ...none, weightKg: 50, heightCm: 175 }).map((f) => [f.field, f.level])).to.deep.equal([['bmi', 'low']]);
  });

  it('matches medicines to recorded allergies by whole word, ignoring case, plurals and descriptive words', () => {
    expect(allergyMatches('PENICILLIN V 250 mg', 'Penicillin (rash); peanuts')).to.deep.equal(['Penicillin (rash)']);
    expect(allergyMatches('Penicillins', 'penicillin')).to.deep.equal(['penicillin']);
    expect(allergyMatches('Amoxicillin 500 mg', 'Penicillin (rash)')).to.deep.equal([]);
    expect(allergyMatches('Aspirin', 'No known drug allergies')).to.deep.equal([]);
    expect(allergyMatches('Aspirin', 'NKDA')).to.deep.equal([]);
    expect(allergyMatches('Ibuprofen', null)).to.deep.equal([]);
    expect(allergyMatches('Co-trimoxazole', 'sulfa drugs, co-trimoxazole')).to.deep.equal(['co-trimoxazole']);
  });
});

describe('records API: vitals validation', () => {
  let server: TestServer;
  let clinic: RecordsClinic;

  before(async () => {
    server = await startTestServer();
    await resetDatabase();
    clinic = await recordsClinic(server);
  });
  after(() => server.close());

  async function draft() {
    const doctor = await signedInDoctor(server, clinic.department);
    const { record } = await visitWithDraft(clinic.reception.agent, doctor, await allergicPatient());
    return { doctor, record };
  }

  it('refuses out-of-range values with 422 naming each field and its range, and stores nothing', async () => {
    const { doctor, record } = await draft();
    const res = await doctor.agent.request('PATCH', `/api/records/${record.id}`, {
      revision: record.revision,
      vitals: { spo2Percent: 49, temperatureC: 98.6, pulseBpm: 72 },
    });
    expect(res.status).to.equal(422);
    expect(res.body.error.id).to.equal('validation_failed');
    expect(res.body.error.fields).to.deep.equal([
      { path: 'vitals.spo2Percent', message: 'SpO2 must be between 50 and 100 % (a whole number).' },
      { path: 'vitals.temperatureC', message: 'Temperature must be between 30 and 45 °C.' },
    ]);
    const stored = (await MedicalRecord.findByPk(record.id))!;
    expect([stored.spo2Percent, stored.temperatureC, stored.pulseBpm, stored.revision]).to.deep.equal([null, null, null, 0]);
  });

  it('refuses a diastolic pressure not below the systolic, also when a PATCH sends only one of them', async () => {
    const { doctor, record } = await draft();
    const first = await doctor.agent.request('PATCH', `/api/records/${record.id}`, { revision: 0, vitals: { bpSystolicMmhg: 110 } });
    expect(first.status).to.equal(200);
    const res = await doctor.agent.request('PATCH', `/api/records/${record.id}`, { revision: 1, vitals: { bpDiastolicMmhg: 115 } });
    expect(res.status).to.equal(422);
    expect(res.body.error.fields[0].path).to.equal('vitals.bpDiastolicMmhg');
  });

  it('answers flags and BMI with the saved record, and reads decimals back as numbers', async () => {
    const { doctor, record } = await draft();
    const res = await doctor.agent.request<RecordView>('PUT', `/api/records/${record.id}`, fullDraft(record.revision, {
      vitals: { spo2Percent: 91, temperatureC: 38.64, pulseBpm: 104, weightKg: 82.5, heightCm: 171 },
    }));
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.vitals).to.deep.equal({
      bpSystolicMmhg: null,
      bpDiastolicMmhg: null,
      pulseBpm: 104,
      spo2Percent: 91,
      temperatureC: 38.6,
      respiratoryRatePerMin: null,
      weightKg: 82.5,
      heightCm: 171,
    });
    expect(res.body.bmi).to.equal(28.2);
    expect(res.body.flags.map((f) => f.field)).to.deep.equal(['pulseBpm', 'spo2Percent', 'temperatureC']);

    const again = await doctor.agent.get<RecordView>(`/api/records/${record.id}`);
    expect(again.body.vitals.temperatureC).to.equal(38.6);
    expect(again.body.bmi).to.equal(28.2);
  });

  it('refuses text where a number belongs, with the same range message', async () => {
    const { doctor, record } = await draft();
    const res = await doctor.agent.request('PATCH', `/api/records/${record.id}`, { revision: 0, vitals: { pulseBpm: '72' } });
    expect(res.status).to.equal(422);
    expect(res.body.error.fields).to.deep.equal([{ path: 'vitals.pulseBpm', message: 'Pulse must be between 20 and 250 bpm (a whole number).' }]);
  });
});
