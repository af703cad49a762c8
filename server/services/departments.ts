import { Op, type Sequelize, type Transaction } from 'sequelize';
import { inTransaction } from '../db/transaction';
import { notFound, validationFailed } from '../errors';
import { Department } from '../models';
import { isLanguage } from '../../common/i18n';
import { audit } from './audit';

/** The names worth keeping: patient languages other than English (that is `name`), trimmed, empty ones dropped. */
export function keptLabels(labels: Partial<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels)
      .filter(([language, text]) => isLanguage(language) && language !== 'en' && text?.trim())
      .map(([language, text]) => [language, text!.trim()]),
  );
}

/** The admin making the change. */
interface Actor {
  userId: number;
  ip: string;
}

/**
 * Departments: create, rename or re-letter, deactivate and reactivate. Names and prefixes are unique by the
 * database's indexes (a clash answers 409 `already_exists`). A deactivated department keeps its history and its
 * doctors, but the kiosk stops offering it and check-in refuses it.
 */
/**
 * Refuses (422 on `departmentIds`) ids of departments that do not exist; returns the ids without duplicates. Used by
 * the display and kiosk profiles, which list the departments they show or offer.
 */
export async function existingDepartments(ids: number[], transaction: Transaction): Promise<number[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const found = await Department.findAll({ where: { id: { [Op.in]: unique } }, attributes: ['id'], transaction });
  const missing = unique.filter((id) => !found.some((d) => d.id === id));
  if (missing.length) {
    throw validationFailed([{ path: 'departmentIds', message: `There is no department with id ${missing.join(', ')}.` }]);
  }
  return unique;
}

export class DepartmentService {
  constructor(private readonly sequelize: Sequelize) {}

  /** Creates a department, with its names in other languages if given. */
  /** Every department (inactive ones too), by name. */
  list(): Promise<Department[]> {
    return Department.findAll({ order: [['name', 'ASC']] });
  }

  create(input: { name: string; prefix: string; labels?: Partial<Record<string, string>> }, actor: Actor): Promise<Department> {
    return inTransaction(this.sequelize, async (transaction) => {
      const { labels, ...fields } = input;
      const department = await Department.create({ ...fields, labels: labels ? keptLabels(labels) : null }, { transaction });
      await audit({ userId: actor.userId, action: 'department.create', entityType: 'department', entityId: department.id, ip: actor.ip, details: input }, transaction);
      return department;
    });
  }

  /**
   * Changes name, prefix, `active` or the names in other languages (`labels` replaces them all). Tokens already
   * issued keep the prefix they were issued with.
   */
  update(id: number, changes: { name?: string; prefix?: string; active?: boolean; labels?: Partial<Record<string, string>> }, actor: Actor): Promise<Department> {
    return inTransaction(this.sequelize, async (transaction) => {
      const department = await Department.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
      if (!department) throw notFound('That department');
      const { labels, ...fields } = changes;
      department.set(fields);
      // The JSON text is compared, not the object: the same names given again are no change.
      if (labels && JSON.stringify(keptLabels(labels)) !== JSON.stringify(department.labels ?? {})) department.labels = keptLabels(labels);
      const changed = department.changed() || [];
      if (changed.length) {
        await department.save({ transaction });
        await audit({ userId: actor.userId, action: 'department.update', entityType: 'department', entityId: id, ip: actor.ip, details: changes }, transaction);
      }
      return department;
    });
  }
}
