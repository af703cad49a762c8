import type { Sequelize } from 'sequelize';
import type { QueueNotifier } from './types';
import type { PhoneCountry } from '../phone';

/** What every queue operation runs with: the database, the clinic's zone, whom to tell, and the clock. */
export interface QueueContext {
  sequelize: Sequelize;
  /** The clinic's IANA time zone: clinic days (token numbering, "today") and the times in messages follow it. */
  timeZone: string;
  /** The country phone numbers typed without a country code belong to (null: the time zone's). */
  country?: PhoneCountry | null;
  notifier: QueueNotifier;
  /** Injected so tests can move the clock (a new clinic day, a slot that has come). */
  now: () => Date;
}
