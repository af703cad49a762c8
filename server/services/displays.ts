import { Op, type Sequelize, type Transaction } from 'sequelize';
import type { DisplayLanguage, DisplayProfileInput, DisplaySetup, DisplayTheme } from '../../common/display';
import type { Channel } from '../../common/protocol';
import { inTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { Department, DisplayProfile, DisplayProfileDepartment, KioskProfile, type User } from '../models';
import { presentDepartment, presentDisplayProfile } from '../presenters/display';
import { audit } from './audit';
import { existingDepartments } from './departments';

/** What a display's address may ask for (GET /api/displays/setup). */
export interface DisplaySetupQuery {
  /** A profile's id or slug. */
  profile?: string;
  /** Department prefixes, e.g. ['C', 'D']; ignored when a profile is named. */
  departments?: string[];
  /** Overrides for the profile's settings (or the defaults), for a quick test on site. */
  lang?: DisplayLanguage;
  theme?: DisplayTheme;
  voice?: boolean;
}

/** A slug made from a profile's name: "Main Hall (ground floor)" -> "main-hall-ground-floor". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
  // A name in another script leaves nothing; an all-digit slug would read as an id in the address.
  if (!slug) return 'display';
  return /^\d+$/.test(slug) ? `display-${slug}`.slice(0, 64) : slug;
}

/** `id` when it names a kiosk profile (null stays null); 422 otherwise. No foreign key holds this column (see its migration). */
async function existingKiosk(id: number | null | undefined, transaction: Transaction): Promise<number | null> {
  if (id === undefined || id === null) return null;
  if (await KioskProfile.findByPk(id, { attributes: ['id'], transaction })) return id;
  throw new AppError(422, 'validation_failed', 'checkInKioskId: That kiosk profile does not exist.', [
    { path: 'checkInKioskId', message: 'That kiosk profile does not exist.' },
  ]);
}

/** The display channel for a set of departments: ids ascending, so screens showing the same ones share a channel. */
export function displayChannel(departmentIds: number[]): Channel {
  return departmentIds.length ? `display:${[...new Set(departmentIds)].sort((a, b) => a - b).join(',')}` : 'display:all';
}

const withDepartments = { include: [{ model: Department, as: 'departments', through: { attributes: [] } }] };

/**
 * Display profiles (admins set them up; screens read them without signing in) and the resolution of a display's
 * address into what it shows. Changes are audited in the same transaction.
 */
export class DisplayProfileService {
  constructor(private readonly sequelize: Sequelize) {}

  /** Every profile, by name. */
  list(): Promise<DisplayProfile[]> {
    return DisplayProfile.findAll({ ...withDepartments, order: [['name', 'ASC']] });
  }

  /** A profile by id (all digits) or by slug. */
  find(ref: string, transaction?: Transaction): Promise<DisplayProfile | null> {
    return /^\d+$/.test(ref)
      ? DisplayProfile.findByPk(Number(ref), { ...withDepartments, transaction })
      : DisplayProfile.findOne({ where: { slug: ref }, ...withDepartments, transaction });
  }

  /** Creates a profile; the slug defaults to one made from the name. */
  create(input: DisplayProfileInput, staff: User): Promise<DisplayProfile> {
    return inTransaction(this.sequelize, async (transaction) => {
      const departmentIds = await existingDepartments(input.departmentIds ?? [], transaction);
      const profile = await DisplayProfile.create(
        {
          name: input.name,
          slug: input.slug ?? slugify(input.name),
          language: input.language,
          voice: input.voice,
          theme: input.theme,
          checkInKioskId: await existingKiosk(input.checkInKioskId, transaction),
        },
        { transaction },
      );
      await this.setDepartments(profile.id, departmentIds, transaction);
      await audit({ userId: staff.id, action: 'display_profile_created', entityType: 'display_profile', entityId: profile.id }, transaction);
      return (await this.find(String(profile.id), transaction))!;
    });
  }

  /** Changes the given fields of a profile; `departmentIds` replaces the whole list. */
  update(id: number, patch: Partial<DisplayProfileInput>, staff: User): Promise<DisplayProfile> {
    return inTransaction(this.sequelize, async (transaction) => {
      const profile = await DisplayProfile.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
      if (!profile) throw notFound('That display profile');
      const { departmentIds, ...fields } = patch;
      if (fields.checkInKioskId !== undefined) fields.checkInKioskId = await existingKiosk(fields.checkInKioskId, transaction);
      await profile.update(fields, { transaction });
      if (departmentIds) await this.setDepartments(id, await existingDepartments(departmentIds, transaction), transaction);
      await audit(
        { userId: staff.id, action: 'display_profile_updated', entityType: 'display_profile', entityId: id, details: { fields: Object.keys(patch) } },
        transaction,
      );
      return (await this.find(String(id), transaction))!;
    });
  }

  /** Deletes a profile (its department rows go with it). */
  remove(id: number, staff: User): Promise<void> {
    return inTransaction(this.sequelize, async (transaction) => {
      const profile = await DisplayProfile.findByPk(id, { transaction });
      if (!profile) throw notFound('That display profile');
      await profile.destroy({ transaction });
      await audit(
        { userId: staff.id, action: 'display_profile_deleted', entityType: 'display_profile', entityId: id, details: { name: profile.name } },
        transaction,
      );
    });
  }

  /** Resolves a display's address into the departments, channel, language, voice and theme it uses. */
  async setup(query: DisplaySetupQuery): Promise<DisplaySetup> {
    let departments: Department[] = [];
    let profile: DisplayProfile | null = null;
    if (query.profile) {
      profile = await this.find(query.profile);
      if (!profile) {
        throw new AppError(404, 'not_found', `There is no display profile "${query.profile}". Check the address of this screen.`);
      }
      departments = profile.departments ?? [];
    } else if (query.departments?.length) {
      departments = await Department.findAll({ where: { prefix: { [Op.in]: query.departments } } });
      const unknown = query.departments.filter((prefix) => !departments.some((d) => d.prefix === prefix));
      if (unknown.length) {
        throw new AppError(404, 'not_found', `No department has the token prefix ${unknown.join(', ')}. Check the address of this screen.`);
      }
    }
    departments.sort((a, b) => a.name.localeCompare(b.name));
    return {
      profile: profile ? presentDisplayProfile(profile) : null,
      departments: departments.map(presentDepartment),
      channel: displayChannel(departments.map((d) => d.id)),
      language: query.lang ?? profile?.language ?? 'en',
      voice: query.voice ?? profile?.voice ?? true,
      theme: query.theme ?? profile?.theme ?? 'dark',
      checkInKioskId: profile?.checkInKioskId ?? null,
    };
  }

  private async setDepartments(profileId: number, departmentIds: number[], transaction: Transaction): Promise<void> {
    await DisplayProfileDepartment.destroy({ where: { displayProfileId: profileId }, transaction });
    if (departmentIds.length) {
      await DisplayProfileDepartment.bulkCreate(
        departmentIds.map((departmentId) => ({ displayProfileId: profileId, departmentId })),
        { transaction },
      );
    }
  }
}
