import type { Sequelize, Transaction } from 'sequelize';
import type { Role } from '../../common/api';
import { inTransaction } from '../db/transaction';
import { conflict, notFound } from '../errors';
import { DoctorProfile, Session, User } from '../models';
import { audit } from './audit';
import type { AuthService } from './auth';

/** The admin doing the change. */
export interface StaffActor {
  userId: number;
  ip: string;
  /** Their own session, which a reset of their own password leaves open. */
  sessionId?: string;
}

/**
 * Staff accounts: create, edit, deactivate and reactivate, reset a password. Accounts are never deleted (the audit
 * trail and clinical records name them). Deactivating an account or resetting its password ends its sessions, and
 * its open WebSocket connections lose their staff channels once the change commits.
 */
export class StaffService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly auth: AuthService,
  ) {}

  /** Creates an account; the password is hashed before the transaction (scrypt takes a while). */
  /** Every account, by name; only those of `role` when given. */
  list(role?: Role): Promise<User[]> {
    return User.findAll({ where: role ? { role } : {}, order: [['fullName', 'ASC']] });
  }

  async create(input: { email: string; fullName: string; role: Role; password: string }, actor: StaffActor): Promise<User> {
    const passwordHash = await this.auth.hashPassword(input.password);
    return inTransaction(this.sequelize, async (transaction) => {
      const user = await User.create(
        { email: input.email, fullName: input.fullName, role: input.role, passwordHash, lastSignInAt: null },
        { transaction },
      );
      await this.audit('user.create', user, actor, transaction, { role: user.role });
      return user;
    });
  }

  /** Changes name, email or role. An admin cannot change their own role, nor take a doctor with a profile off that role. */
  async update(id: number, changes: { email?: string; fullName?: string; role?: Role }, actor: StaffActor): Promise<User> {
    return inTransaction(this.sequelize, async (transaction) => {
      const user = await this.lock(id, transaction);
      if (changes.role && changes.role !== user.role) {
        if (user.id === actor.userId) throw conflict('own_account', 'You cannot change your own role. Ask another admin.');
        if (user.role === 'doctor' && (await DoctorProfile.count({ where: { userId: id }, transaction }))) {
          throw conflict('has_doctor_profile', `${user.fullName} has a doctor profile, so their role stays doctor. Deactivate the account instead.`);
        }
      }
      user.set(changes);
      const changed = user.changed() || [];
      if (changed.length) {
        await user.save({ transaction });
        await this.audit('user.update', user, actor, transaction, { changed });
      }
      return user;
    });
  }

  /** Deactivates an account (not one's own) and ends its sessions. */
  async deactivate(id: number, actor: StaffActor): Promise<User> {
    if (id === actor.userId) throw conflict('own_account', 'You cannot deactivate your own account. Ask another admin.');
    return inTransaction(this.sequelize, async (transaction) => {
      const user = await this.lock(id, transaction);
      if (user.active) {
        await user.update({ active: false }, { transaction });
        const ended = await this.endSessions(user.id, transaction);
        await this.audit('user.deactivate', user, actor, transaction, { sessionsEnded: ended });
      }
      return user;
    });
  }

  /** Lets a deactivated account sign in again. */
  async activate(id: number, actor: StaffActor): Promise<User> {
    return inTransaction(this.sequelize, async (transaction) => {
      const user = await this.lock(id, transaction);
      if (!user.active) {
        await user.update({ active: true }, { transaction });
        await this.audit('user.activate', user, actor, transaction);
      }
      return user;
    });
  }

  /** Sets a new password and ends the account's sessions (but the admin's own current one). */
  async resetPassword(id: number, password: string, actor: StaffActor): Promise<User> {
    const passwordHash = await this.auth.hashPassword(password);
    return inTransaction(this.sequelize, async (transaction) => {
      const user = await this.lock(id, transaction);
      await user.update({ passwordHash }, { transaction });
      const ended = await this.endSessions(user.id, transaction, actor.sessionId);
      await this.audit('user.reset_password', user, actor, transaction, { sessionsEnded: ended });
      return user;
    });
  }

  private async lock(id: number, transaction: Transaction): Promise<User> {
    const user = await User.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!user) throw notFound('That staff account');
    // Whatever changes next (role, active, password) must hold from the account's very next request.
    transaction.afterCommit(() => this.auth.forgetUser(id));
    return user;
  }

  private async endSessions(userId: number, transaction: Transaction, keep?: string): Promise<number> {
    const ids = (await Session.findAll({ attributes: ['id'], where: { userId }, transaction }))
      .map((s) => s.id)
      .filter((sid) => sid !== keep);
    if (!ids.length) return 0;
    await Session.destroy({ where: { id: ids }, transaction });
    transaction.afterCommit(() => ids.forEach((sid) => this.auth.sessionEnded(sid)));
    return ids.length;
  }

  private audit(action: string, user: User, actor: StaffActor, transaction: Transaction, details?: Record<string, unknown>) {
    return audit({ userId: actor.userId, action, entityType: 'user', entityId: user.id, ip: actor.ip, details }, transaction);
  }
}

