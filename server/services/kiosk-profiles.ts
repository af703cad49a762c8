import type { Sequelize, Transaction } from 'sequelize';
import type { KioskProfileInput } from '../../common/kiosk-profile';
import { inTransaction } from '../db/transaction';
import { notFound } from '../errors';
import { Department, DisplayProfile, KioskProfile, KioskProfileDepartment, type User } from '../models';
import { audit } from './audit';
import { existingDepartments } from './departments';

const withDepartments = { include: [{ model: Department, as: 'departments', through: { attributes: [] } }] };

/**
 * Kiosk profiles: admins list, create, change and delete them; a kiosk reads its own by id without signing in.
 * Changes are audited in the same transaction.
 */
export class KioskProfileService {
  constructor(private readonly sequelize: Sequelize) {}

  /** Every profile, by name. */
  list(): Promise<KioskProfile[]> {
    return KioskProfile.findAll({ ...withDepartments, order: [['name', 'ASC']] });
  }

  /** The departments kiosk profile `kioskId` offers walk-ins; empty for every department (or no profile). */
  async departmentIds(kioskId: number | null): Promise<Set<number>> {
    if (!kioskId) return new Set();
    return new Set((await KioskProfileDepartment.findAll({ where: { kioskProfileId: kioskId } })).map((row) => row.departmentId));
  }

  /** One profile with its departments; 404 when there is none. */
  async get(id: number, transaction?: Transaction): Promise<KioskProfile> {
    const profile = await KioskProfile.findByPk(id, { ...withDepartments, transaction });
    if (!profile) throw notFound('That kiosk profile');
    return profile;
  }

  /** Creates a profile (no departments: every active one). */
  create(input: KioskProfileInput, staff: User): Promise<KioskProfile> {
    return inTransaction(this.sequelize, async (transaction) => {
      const departmentIds = await existingDepartments(input.departmentIds ?? [], transaction);
      const profile = await KioskProfile.create(
        { name: input.name, printing: input.printing, language: input.language, phoneCheckIn: input.phoneCheckIn, lockZoom: input.lockZoom },
        { transaction },
      );
      await this.setDepartments(profile.id, departmentIds, transaction);
      await audit({ userId: staff.id, action: 'kiosk_profile_created', entityType: 'kiosk_profile', entityId: profile.id }, transaction);
      return this.get(profile.id, transaction);
    });
  }

  /** Changes the given fields; `departmentIds` replaces the whole list. */
  update(id: number, patch: Partial<KioskProfileInput>, staff: User): Promise<KioskProfile> {
    return inTransaction(this.sequelize, async (transaction) => {
      const profile = await KioskProfile.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
      if (!profile) throw notFound('That kiosk profile');
      const { departmentIds, ...fields } = patch;
      await profile.update(fields, { transaction });
      if (departmentIds) await this.setDepartments(id, await existingDepartments(departmentIds, transaction), transaction);
      await audit(
        { userId: staff.id, action: 'kiosk_profile_updated', entityType: 'kiosk_profile', entityId: id, details: { fields: Object.keys(patch) } },
        transaction,
      );
      return this.get(id, transaction);
    });
  }

  /**
   * Deletes a profile (its department rows and posters go with it). A kiosk still using it falls back to every
   * department, and displays linked to it to the clinic-wide phone check-in, as ON DELETE SET NULL would do.
   */
  remove(id: number, staff: User): Promise<void> {
    return inTransaction(this.sequelize, async (transaction) => {
      const profile = await KioskProfile.findByPk(id, { transaction });
      if (!profile) throw notFound('That kiosk profile');
      await DisplayProfile.update({ checkInKioskId: null }, { where: { checkInKioskId: id }, transaction });
      await profile.destroy({ transaction });
      await audit(
        { userId: staff.id, action: 'kiosk_profile_deleted', entityType: 'kiosk_profile', entityId: id, details: { name: profile.name } },
        transaction,
      );
    });
  }

  private async setDepartments(profileId: number, departmentIds: number[], transaction: Transaction): Promise<void> {
    await KioskProfileDepartment.destroy({ where: { kioskProfileId: profileId }, transaction });
    if (departmentIds.length) {
      await KioskProfileDepartment.bulkCreate(
        departmentIds.map((departmentId) => ({ kioskProfileId: profileId, departmentId })),
        { transaction },
      );
    }
  }
}
