/** The code systems and references the FHIR mappers share (issue 16). */

/** LOINC, for vital signs. */
export const LOINC = 'http://loinc.org';
/** UCUM, for units of measure. */
export const UCUM = 'http://unitsofmeasure.org';
/** WHO ICD-10, for diagnoses. */
export const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
/** HL7's observation categories (vital-signs). */
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
/** HL7's condition categories (encounter-diagnosis). */
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
/** HL7 v3 ActCode: the encounter's class (AMB, ambulatory). */
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
/** HL7 v2 table 0203: identifier types (MR, medical record number). */
export const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';

/** This clinic's own identifier systems (URNs: they name the number, not a place on the web). */
export const MRN_SYSTEM = 'urn:mediqueue:medical-record-number';
export const LICENCE_SYSTEM = 'urn:mediqueue:licence-number';
export const TOKEN_SYSTEM = 'urn:mediqueue:queue-token';
export const BOOKING_SYSTEM = 'urn:mediqueue:booking-code';

/** A literal reference to a resource of this server. */
export const ref = (type: string, id: number | string) => ({ reference: `${type}/${id}` });

/** An instant as FHIR's `instant` / `dateTime` (UTC, milliseconds kept). */
export const instant = (value: Date | string) => new Date(value).toISOString();

/** `meta` with the row's last change, which `_lastUpdated` searches. */
export const meta = (updatedAt: Date) => ({ lastUpdated: instant(updatedAt) });
