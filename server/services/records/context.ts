import type { Sequelize } from 'sequelize';
import type { User } from '../../models';
import type { QueueService } from '../../queue/commands/steps';

/** What every record operation runs with. */
export interface RecordsContext {
  sequelize: Sequelize;
  /** The queue engine: sign-off completes the visit and calls the next patient through it, in one transaction. */
  queue: QueueService;
  /** The clinic's IANA time zone (ages, the printed date). */
  timeZone: string;
  now: () => Date;
}

/** Who asks, and from where (both go to the audit log). */
export interface RecordRequester {
  user: User;
  ip?: string;
}
