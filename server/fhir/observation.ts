import type { Observation, Quantity } from 'fhir/r4';
import type { MedicalRecord } from '../models';
import { instant, LOINC, meta, OBSERVATION_CATEGORY, ref, UCUM } from './codes';

/** One vital sign: its LOINC code and name, UCUM unit, and how to read it off a record. */
interface VitalCode {
  key: string;
  loinc: string;
  display: string;
  unit: string;
  ucum: string;
  value: (record: MedicalRecord) => number | null;
}

/** Body mass index from weight and height, to one decimal place; null unless both were measured. */
export function bmi(record: MedicalRecord): number | null {
  if (record.weightKg == null || record.heightCm == null) return null;
  return Math.round((Number(record.weightKg) / (Number(record.heightCm) / 100) ** 2) * 10) / 10;
}

/** The single-valued vitals (blood pressure is a panel, below), with the codes of the FHIR vital signs profile. */
export const VITAL_CODES: readonly VitalCode[] = [
  { key: 'pulse', loinc: '8867-4', display: 'Heart rate', unit: 'beats/minute', ucum: '/min', value: (r) => r.pulseBpm },
  { key: 'spo2', loinc: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry', unit: '%', ucum: '%', value: (r) => r.spo2Percent },
  { key: 'temp', loinc: '8310-5', display: 'Body temperature', unit: 'Cel', ucum: 'Cel', value: (r) => r.temperatureC },
  { key: 'resp', loinc: '9279-1', display: 'Respiratory rate', unit: 'breaths/minute', ucum: '/min', value: (r) => r.respiratoryRatePerMin },
  { key: 'weight', loinc: '29463-7', display: 'Body weight', unit: 'kg', ucum: 'kg', value: (r) => r.weightKg },
  { key: 'height', loinc: '8302-2', display: 'Body height', unit: 'cm', ucum: 'cm', value: (r) => r.heightCm },
  { key: 'bmi', loinc: '39156-5', display: 'Body mass index (BMI) [Ratio]', unit: 'kg/m2', ucum: 'kg/m2', value: bmi },
];

/** The blood pressure panel and its two components. */
export const BP = {
  panel: { code: '85354-9', display: 'Blood pressure panel with all children optional' },
  systolic: { code: '8480-6', display: 'Systolic blood pressure' },
  diastolic: { code: '8462-4', display: 'Diastolic blood pressure' },
} as const;

/** Every LOINC code this server exports, for `code` searches. */
export const OBSERVATION_CODES: readonly string[] = [BP.panel.code, ...VITAL_CODES.map((v) => v.loinc)];

const quantity = (value: number, unit: string, ucum: string): Quantity => ({ value: Number(value), unit, system: UCUM, code: ucum });
const loinc = (code: string, display: string) => ({ coding: [{ system: LOINC, code, display }], text: display });

/** What every vital of a record shares: status, category, patient, visit, time, doctor. */
function base(record: MedicalRecord, id: string): Omit<Observation, 'code'> {
  return {
    resourceType: 'Observation',
    id,
    meta: meta(record.updatedAt),
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'vital-signs', display: 'Vital Signs' }] }],
    subject: ref('Patient', record.patientId),
    encounter: ref('Encounter', record.queueEntryId),
    // Vitals are taken in the consultation, which opens the record; the signature makes them final.
    effectiveDateTime: instant(record.createdAt),
    issued: instant(record.signedAt!),
    performer: [ref('Practitioner', record.doctorId)],
  };
}

/** The blood pressure panel, when either pressure was measured (a component left out was not). */
function bloodPressure(record: MedicalRecord): Observation | null {
  const parts: { code: { code: string; display: string }; value: number }[] = [];
  if (record.bpSystolicMmhg != null) parts.push({ code: BP.systolic, value: record.bpSystolicMmhg });
  if (record.bpDiastolicMmhg != null) parts.push({ code: BP.diastolic, value: record.bpDiastolicMmhg });
  if (!parts.length) return null;
  return {
    ...base(record, `${record.id}-bp`),
    code: loinc(BP.panel.code, BP.panel.display),
    component: parts.map((p) => ({ code: loinc(p.code.code, p.code.display), valueQuantity: quantity(p.value, 'mmHg', 'mm[Hg]') })),
  };
}

/**
 * A signed record's vital signs as FHIR Observations (ids `{record}-{vital}`), LOINC-coded with UCUM units:
 * blood pressure as one panel with systolic and diastolic components, BMI worked out from weight and height.
 */
export function toFhirObservations(record: MedicalRecord): Observation[] {
  const observations: Observation[] = [];
  const bp = bloodPressure(record);
  if (bp) observations.push(bp);
  for (const vital of VITAL_CODES) {
    const value = vital.value(record);
    if (value == null) continue;
    observations.push({ ...base(record, `${record.id}-${vital.key}`), code: loinc(vital.loinc, vital.display), valueQuantity: quantity(value, vital.unit, vital.ucum) });
  }
  return observations;
}
