import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Op, UniqueConstraintError, type Sequelize, type WhereOptions } from 'sequelize';
import { medicineLabel, type MedicineView } from '../../common/formulary';
import { inTransaction } from '../db/transaction';
import { conflict, notFound } from '../errors';
import { Medicine, MedicineFavourite } from '../models';
import { audit } from './audit';

/** The WHO Model List of Essential Medicines subset shipped with the project (name, strength, form). */
const SEED_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../data/who-eml.json');

/** Who is asking (favourites are per user; changes are audited with the address). */
export interface FormularyActor {
  userId: number;
  ip?: string;
}

function present(m: Medicine, favourites: Set<number>): MedicineView {
  return { id: m.id, name: m.name, strength: m.strength, form: m.form, active: m.active, favourite: favourites.has(m.id), label: medicineLabel(m) };
}

function alreadyListed() {
  return conflict('already_exists', 'That medicine, with that strength and form, is already in the list.');
}

/**
 * The clinic's medicine list: search (favourites first), admin edits (audited; withdrawn, never deleted) and
 * doctors' favourites. An empty list is filled from the shipped WHO list on first use, so a new clinic (or a test
 * database) starts with it; the unique index on (name, strength, form) keeps two first uses from doubling it.
 */
export class FormularyService {
  constructor(private readonly sequelize: Sequelize) {}

  private async ensureSeeded(): Promise<void> {
    if ((await Medicine.count()) === 0) {
      const rows = JSON.parse(readFileSync(SEED_FILE, 'utf8')) as { name: string; strength: string; form: string }[];
      try {
        await Medicine.bulkCreate(rows, { ignoreDuplicates: true });
      } catch (error) {
        if (!(error instanceof UniqueConstraintError)) throw error;
      }
    }
  }

  /** Medicines whose name (or strength or form) contains every word of `q`; the doctor's favourites first. */
  async search(q: string, limit: number, includeWithdrawn: boolean, actor: FormularyActor): Promise<{ medicines: MedicineView[]; total: number }> {
    await this.ensureSeeded();
    // LIKE's wildcards are dropped rather than escaped: SQLite has no default escape character.
    const words = q.replace(/[%_\\]/g, ' ').trim().split(/\s+/).filter(Boolean).slice(0, 5);
    const conditions: WhereOptions[] = words.map((w) => ({
      [Op.or]: ['name', 'strength', 'form'].map((column) => ({ [column]: { [Op.like]: `%${w}%` } })),
    }));
    if (!includeWithdrawn) conditions.push({ active: true });
    const where = { [Op.and]: conditions };
    const favourites = new Set((await MedicineFavourite.findAll({ where: { userId: actor.userId } })).map((f) => f.medicineId));
    const all = await Medicine.findAll({ where, order: [['name', 'ASC'], ['strength', 'ASC'], ['form', 'ASC']] });
    const sorted = [...all.filter((m) => favourites.has(m.id)), ...all.filter((m) => !favourites.has(m.id))];
    return { medicines: sorted.slice(0, limit).map((m) => present(m, favourites)), total: all.length };
  }

  /** Adds a medicine (409 `already_exists` when the same name, strength and form is listed). */
  async create(input: { name: string; strength: string; form: string }, actor: FormularyActor): Promise<MedicineView> {
    await this.ensureSeeded();
    try {
      return await inTransaction(this.sequelize, async (transaction) => {
        const medicine = await Medicine.create(input, { transaction });
        await audit({ userId: actor.userId, action: 'formulary.create', entityType: 'medicine', entityId: medicine.id, ip: actor.ip, details: input }, transaction);
        return present(medicine, new Set());
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw alreadyListed();
      throw error;
    }
  }

  /** Changes a medicine's name, strength, form or `active`. */
  async update(id: number, changes: { name?: string; strength?: string; form?: string; active?: boolean }, actor: FormularyActor): Promise<MedicineView> {
    try {
      return await inTransaction(this.sequelize, async (transaction) => {
        const medicine = await Medicine.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
        if (!medicine) throw notFound('That medicine');
        medicine.set(changes);
        const changed = medicine.changed() || [];
        if (changed.length) {
          await medicine.save({ transaction });
          await audit({ userId: actor.userId, action: 'formulary.update', entityType: 'medicine', entityId: id, ip: actor.ip, details: { fields: changed } }, transaction);
        }
        return present(medicine, new Set());
      });
    } catch (error) {
      if (error instanceof UniqueConstraintError) throw alreadyListed();
      throw error;
    }
  }

  /** Marks (or unmarks) a medicine as one of the doctor's favourites; repeating it changes nothing. */
  async setFavourite(id: number, favourite: boolean, actor: FormularyActor): Promise<MedicineView> {
    const medicine = await Medicine.findByPk(id);
    if (!medicine) throw notFound('That medicine');
    if (favourite) await MedicineFavourite.findOrCreate({ where: { userId: actor.userId, medicineId: id } });
    else await MedicineFavourite.destroy({ where: { userId: actor.userId, medicineId: id } });
    return present(medicine, new Set(favourite ? [id] : []));
  }
}
