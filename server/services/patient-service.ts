import type { Sequelize } from 'sequelize';
import { notFound } from '../errors';
import { Patient } from '../models';
import type { PhoneCountrySource } from './phone';
import { createPatient, searchPatients, updatePatient, type DuplicateMatch, type PatientActor, type PatientFields } from './patients';

/**
 * Patients as the staff panel sees them: find, search, register (with the duplicate warning) and edit. Phone numbers
 * typed without a country code are read with the clinic's country, asked for on each call (an admin may change it).
 */
export class PatientService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly country: PhoneCountrySource = async () => null,
  ) {}

  /** One patient; 404 when there is none. */
  async get(id: number): Promise<Patient> {
    const patient = await Patient.findByPk(id);
    if (!patient) throw notFound('That patient');
    return patient;
  }

  /** Throws 404 unless patient `id` exists. */
  async assertExists(id: number): Promise<void> {
    if (!(await Patient.findByPk(id, { attributes: ['id'] }))) throw notFound('That patient');
  }

  async search(q: string, page: number, pageSize: number): Promise<{ patients: Patient[]; total: number }> {
    return searchPatients(q, page, pageSize, await this.country());
  }

  async create(input: PatientFields & { confirmDuplicate?: boolean }, actor: PatientActor): Promise<{ patient: Patient } | { duplicates: DuplicateMatch[] }> {
    return createPatient(this.sequelize, input, actor, await this.country());
  }

  async update(id: number, changes: Partial<PatientFields>, actor: PatientActor): Promise<Patient> {
    return updatePatient(this.sequelize, id, changes, actor, await this.country());
  }
}
