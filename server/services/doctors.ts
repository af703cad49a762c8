import type { Sequelize, Transaction } from 'sequelize';
import { inTransaction } from '../db/transaction';
import { AppError, conflict, notFound } from '../errors';
import { Department, DoctorProfile, User } from '../models';
import { audit } from './audit';

/** The profile fields an admin sets. */
export type DoctorFields = Pick<DoctorProfile, 'licenseNumber' | 'specialization' | 'departmentId' | 'room'> &
  Partial<Pick<DoctorProfile, 'rating' | 'consultationMinutes'>>;

/** The admin making the change. */
interface Actor {
  userId: number;
  ip: string;
}

/** A profile with what presenters show: the staff account (no password hash) and the department. */
export function loadDoctor(id: number, transaction?: Transaction): Promise<DoctorProfile | null> {
  return DoctorProfile.findByPk(id, { include: doctorIncludes(), transaction });
}

/** The includes presentDoctor expects. */
export function doctorIncludes() {
  return [
    { model: User, as: 'user', attributes: { exclude: ['passwordHash'] } },
    { model: Department, as: 'department' },
  ];
}

async function checkDepartment(id: number, transaction: Transaction): Promise<void> {
  if (!(await Department.findByPk(id, { transaction }))) {
    throw new AppError(422, 'invalid_reference', 'departmentId: There is no such department.', [
      { path: 'departmentId', message: 'There is no such department.' },
    ]);
  }
}

/**
 * Doctors' profiles: what makes a staff account with the doctor role a doctor (licence, specialty, department,
 * room, usual consultation length). One profile per account, licence numbers unique (database indexes).
 */
export class DoctorService {
  constructor(private readonly sequelize: Sequelize) {}

  /** Creates the profile of a doctor account that has none yet. */
  /** Every doctor profile (with user and department), by id; only one department's when given. */
  list(departmentId?: number): Promise<DoctorProfile[]> {
    return DoctorProfile.findAll({ where: departmentId ? { departmentId } : {}, include: doctorIncludes(), order: [['id', 'ASC']] });
  }

  create(input: DoctorFields & { userId: number }, actor: Actor): Promise<DoctorProfile> {
    return inTransaction(this.sequelize, async (transaction) => {
      const user = await User.findByPk(input.userId, { transaction });
      if (!user) throw notFound('That staff account');
      if (user.role !== 'doctor') {
        throw new AppError(422, 'not_a_doctor', `userId: ${user.fullName} is not a doctor account. Change their role first.`, [
          { path: 'userId', message: 'This account does not have the doctor role.' },
        ]);
      }
      if (await DoctorProfile.count({ where: { userId: user.id }, transaction })) {
        throw conflict('already_exists', `${user.fullName} already has a doctor profile. Edit it instead.`);
      }
      await checkDepartment(input.departmentId, transaction);
      const doctor = await DoctorProfile.create(input, { transaction });
      await audit({ userId: actor.userId, action: 'doctor.create', entityType: 'doctor_profile', entityId: doctor.id, ip: actor.ip, details: { userId: user.id } }, transaction);
      return (await loadDoctor(doctor.id, transaction))!;
    });
  }

  /** Changes any profile fields. */
  update(id: number, changes: Partial<DoctorFields>, actor: Actor): Promise<DoctorProfile> {
    return inTransaction(this.sequelize, async (transaction) => {
      const doctor = await DoctorProfile.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
      if (!doctor) throw notFound('That doctor');
      if (changes.departmentId !== undefined) await checkDepartment(changes.departmentId, transaction);
      doctor.set(changes);
      const changed = doctor.changed() || [];
      if (changed.length) {
        await doctor.save({ transaction });
        await audit({ userId: actor.userId, action: 'doctor.update', entityType: 'doctor_profile', entityId: id, ip: actor.ip, details: { changed } }, transaction);
      }
      return (await loadDoctor(id, transaction))!;
    });
  }
}
