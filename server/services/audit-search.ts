import { Op, type WhereOptions } from 'sequelize';
import type { AuditSearchResponse } from '../../common/admin';
import { AuditLog, User } from '../models';
import { presentAuditEntry } from '../presenters/admin';
import { clinicDayBounds } from './clinic-time';

/** What the audit log can be searched by; days are clinic days (both included). */
export interface AuditFilter {
  userId?: number;
  patientId?: number;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** One page of the audit log, newest first, with the names of the staff who appear. */
export async function searchAudit(filter: AuditFilter, zone: string): Promise<AuditSearchResponse> {
  const conditions: WhereOptions[] = [];
  if (filter.userId) conditions.push({ userId: filter.userId });
  if (filter.patientId) conditions.push({ patientId: filter.patientId });
  // A prefix ("appointment." finds every appointment action). The schema lets no % in; an _ in a name also matches
  // any one character, which can only widen a search by an action name slightly.
  if (filter.action) conditions.push({ action: { [Op.like]: `${filter.action}%` } });
  if (filter.from) conditions.push({ createdAt: { [Op.gte]: clinicDayBounds(filter.from, zone).start } });
  if (filter.to) conditions.push({ createdAt: { [Op.lt]: clinicDayBounds(filter.to, zone).end } });
  const { rows, count } = await AuditLog.findAndCountAll({
    where: { [Op.and]: conditions },
    order: [['createdAt', 'DESC'], ['id', 'DESC']],
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  const userIds = [...new Set(rows.map((r) => r.userId).filter((id): id is number => id !== null))];
  const users = new Map(
    (userIds.length ? await User.findAll({ where: { id: userIds }, attributes: ['id', 'fullName'] }) : []).map((u) => [u.id, u]),
  );
  return { entries: rows.map((r) => presentAuditEntry(r, users)), page: filter.page, pageSize: filter.pageSize, total: count };
}
