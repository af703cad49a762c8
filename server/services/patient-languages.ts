import { Op } from 'sequelize';
import { isLanguage, type Language } from '../../common/i18n';
import { Department, QueueEntry, TicketLanguage } from '../models';

/** Per-language names of departments, by department id: `{ 3: { es: 'Cardiología', ar: 'أمراض القلب' } }`. */
export type DepartmentLabels = Record<number, Record<string, string>>;

/** Every department's names in other languages (departments without any are left out). */
export async function departmentLabels(): Promise<DepartmentLabels> {
  const rows = await Department.findAll({ attributes: ['id', 'labels'], where: { labels: { [Op.ne]: null } } });
  return Object.fromEntries(rows.filter((d) => d.labels).map((d) => [d.id, d.labels!]));
}

/** A department's name in `language`: its label there, else the name staff gave it. */
export function departmentName(department: { id: number; name: string }, labels: DepartmentLabels, language: Language): string {
  return labels[department.id]?.[language] || department.name;
}

/** Records the language a ticket was taken in (the latest wins); false for an unknown ticket. */
export async function recordTicketLanguage(publicCode: string, language: Language): Promise<boolean> {
  const entry = await QueueEntry.findOne({ where: { publicCode }, attributes: ['id'] });
  if (!entry) return false;
  await TicketLanguage.upsert({ queueEntryId: entry.id, language });
  return true;
}

/** The language a ticket was taken in, or null when none was recorded. */
export async function ticketLanguage(queueEntryId: number): Promise<Language | null> {
  const row = await TicketLanguage.findByPk(queueEntryId);
  return row && isLanguage(row.language) ? row.language : null;
}

/** The language of the patient's latest ticket that recorded one (their usual language here), or null. */
export async function patientLanguage(patientId: number): Promise<Language | null> {
  const entries = await QueueEntry.findAll({ where: { patientId }, attributes: ['id'], order: [['id', 'DESC']], limit: 50 });
  if (!entries.length) return null;
  const rows = await TicketLanguage.findAll({ where: { queueEntryId: entries.map((e) => e.id) } });
  const byEntry = new Map(rows.map((r) => [r.queueEntryId, r.language]));
  return entries.map((e) => byEntry.get(e.id)).find(isLanguage) ?? null;
}
