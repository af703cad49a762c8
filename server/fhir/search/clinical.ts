import { Op, type Includeable, type WhereOptions } from 'sequelize';
import { Department, MedicalRecord, PrescriptionItem, QueueEntry } from '../../models';
import { visitsOfDoctor } from '../../services/records/access';
import { slice } from '../bundle';
import { hasDiagnosis, toFhirCondition } from '../condition';
import { toFhirEncounter } from '../encounter';
import { toFhirMedicationRequest } from '../medication-request';
import { toFhirObservations } from '../observation';
import { dateConditions, referenceParam, values, type FhirQuery } from '../search-params';
import { all, numericIds, type ResourceHandler, type SearchContext } from './context';

/**
 * The resources made from signed consultation records (issue 16): Encounter, Observation, Condition and
 * MedicationRequest. Drafts are never exported; a doctor sees only the visits of their department and their own.
 */

/** The visit of a record, required: holds the doctor's limit and any conditions on the visit itself. */
function visitOf(ctx: SearchContext, conditions: WhereOptions[] = []): Includeable {
  const limit = ctx.reader.doctor ? [visitsOfDoctor(ctx.reader.doctor)] : [];
  return {
    model: QueueEntry,
    as: 'queueEntry',
    required: true,
    where: all([...limit, ...conditions]),
    include: [{ model: Department, as: 'department' }],
  };
}

/** Conditions on signed records: the patient, the visit (`encounter`) and when the record last changed. */
function recordConditions(query: FhirQuery, ctx: SearchContext, extra: WhereOptions[] = []): WhereOptions {
  const patientId = referenceParam(query, 'patient', 'Patient');
  const encounterId = referenceParam(query, 'encounter', 'Encounter');
  return all([
    { status: 'signed' },
    ...(patientId !== undefined ? [{ patientId }] : []),
    ...(encounterId !== undefined ? [{ queueEntryId: encounterId }] : []),
    ...dateConditions(query, '_lastUpdated', 'updatedAt', ctx.zone),
    ...extra,
  ]);
}

const RECORD_PARAMS = ['_id', '_lastUpdated', 'patient', 'encounter'] as const;

/** Encounter: one per signed visit; `date` is the check-in. */
export const encounters: ResourceHandler = {
  type: 'Encounter',
  params: ['_id', '_lastUpdated', 'patient', 'date'],
  async search(query, page, ctx) {
    const ids = numericIds(query);
    const { rows, count } = await MedicalRecord.findAndCountAll({
      where: recordConditions(query, ctx, ids ? [{ queueEntryId: { [Op.in]: ids } }] : []),
      include: [visitOf(ctx, dateConditions(query, 'date', 'checkedInAt', ctx.zone))],
      order: [['queueEntryId', 'ASC']],
      offset: page.offset,
      limit: page.count,
      distinct: true,
    });
    return { total: count, resources: rows.map((r) => toFhirEncounter(r.queueEntry!, r)) };
  },
};

/** Condition: a signed record's diagnosis; `recorded-date` is the signature. */
export const conditions: ResourceHandler = {
  type: 'Condition',
  params: [...RECORD_PARAMS, 'recorded-date'],
  async search(query, page, ctx) {
    const ids = numericIds(query);
    const { rows, count } = await MedicalRecord.findAndCountAll({
      where: recordConditions(query, ctx, [
        { [Op.or]: [{ diagnosis: { [Op.ne]: null } }, { icd10Code: { [Op.ne]: null } }] },
        ...(ids ? [{ id: { [Op.in]: ids } }] : []),
        ...dateConditions(query, 'recorded-date', 'signedAt', ctx.zone),
      ]),
      include: [visitOf(ctx)],
      order: [['id', 'ASC']],
      offset: page.offset,
      limit: page.count,
      distinct: true,
    });
    return { total: count, resources: rows.filter(hasDiagnosis).map(toFhirCondition) };
  },
};

/** MedicationRequest: each line of a signed record's prescription; `authoredon` is the signature. */
export const medicationRequests: ResourceHandler = {
  type: 'MedicationRequest',
  params: [...RECORD_PARAMS, 'authoredon'],
  async search(query, page, ctx) {
    const ids = numericIds(query);
    const { rows, count } = await PrescriptionItem.findAndCountAll({
      where: ids ? { id: { [Op.in]: ids } } : {},
      include: [
        {
          model: MedicalRecord,
          as: 'medicalRecord',
          required: true,
          where: recordConditions(query, ctx, dateConditions(query, 'authoredon', 'signedAt', ctx.zone)),
          include: [visitOf(ctx)],
        },
      ],
      order: [['medicalRecordId', 'ASC'], ['position', 'ASC']],
      offset: page.offset,
      limit: page.count,
      distinct: true,
    });
    return { total: count, resources: rows.map((item) => toFhirMedicationRequest(item, item.medicalRecord!)) };
  },
};

/**
 * Observation: the vital signs of signed records (`{record}-{vital}` ids); `date` is when the record was opened.
 * Records are filtered in the database and their vitals on the way out (a record holds at most eight).
 */
export const observations: ResourceHandler = {
  type: 'Observation',
  params: [...RECORD_PARAMS, 'date', 'code', 'category'],
  async search(query, page, ctx) {
    const ids = values(query, '_id').map((id) => /^(\d{1,10})-([a-z0-9]+)$/.exec(id)).filter((m) => m !== null);
    if (values(query, '_id').length && !ids.length) return { total: 0, resources: [] };
    const codes = values(query, 'code').map((c) => c.replace(/^http:\/\/loinc\.org\|/, ''));
    const categories = values(query, 'category').map((c) => c.replace(/^.*\|/, ''));
    if (categories.some((c) => c !== 'vital-signs')) return { total: 0, resources: [] };
    const records = await MedicalRecord.findAll({
      where: recordConditions(query, ctx, [
        ...(ids.length ? [{ id: { [Op.in]: ids.map((m) => Number(m[1])) } }] : []),
        ...dateConditions(query, 'date', 'createdAt', ctx.zone),
      ]),
      include: [visitOf(ctx)],
      order: [['id', 'ASC']],
    });
    const wanted = new Set(ids.map((m) => `${m[1]}-${m[2]}`));
    const matches = records
      .flatMap(toFhirObservations)
      .filter((o) => !wanted.size || wanted.has(o.id!))
      .filter((o) => !codes.length || codes.includes(o.code.coding![0].code!));
    return { total: matches.length, resources: slice(matches, page) };
  },
};
