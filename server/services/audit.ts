import type { Transaction } from 'sequelize';
import { systemNow } from '../clock';
import { directQuery, isDirect } from '../db/direct';
import { AuditLog } from '../models';

/** One audit entry: who (null for anonymous), what, which row, from where. */
export interface AuditEntry {
  userId: number | null;
  action: string;
  entityType?: string;
  entityId?: string | number;
  patientId?: number;
  ip?: string;
  details?: Record<string, unknown>;
}

/**
 * Writes an audit entry. Pass the transaction of the change it records, so the entry and the change commit or
 * roll back together.
 */
export async function audit(entry: AuditEntry, transaction?: Transaction): Promise<void> {
  const row = {
    userId: entry.userId,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId === undefined ? null : String(entry.entityId),
    patientId: entry.patientId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? null,
  };
  if (transaction && isDirect(transaction)) {
    // Every queue step writes one, on the way to the screens: straight to the connection on MySQL (db/direct.ts).
    // The model has no hook on create; the time is the wall clock's, as Sequelize would stamp it.
    await directQuery(
      transaction,
      'INSERT INTO audit_logs (user_id, action, entity_type, entity_id, patient_id, ip, details, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [row.userId, row.action, row.entityType, row.entityId, row.patientId, row.ip, row.details ? JSON.stringify(row.details) : null, systemNow()],
    );
    return;
  }
  await AuditLog.create(row, { transaction });
}
