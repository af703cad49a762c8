import type { Transaction } from 'sequelize';
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
  await AuditLog.create(
    {
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId === undefined ? null : String(entry.entityId),
      patientId: entry.patientId ?? null,
      ip: entry.ip ?? null,
      details: entry.details ?? null,
    },
    { transaction },
  );
}
