import type { SessionResponse } from '../../common/api';
import type { SignOffResponse } from '../../common/records';
import type { StaffQueueEntry } from '../../common/api';
import type { RecordView } from '../../common/records';
import type { PrescriptionRow } from './mq-prescription-rows';

/** Fired by `mq-sign-in` when the server accepted the email and password. */
export type SignedInEvent = CustomEvent<SessionResponse>;

/** Fired by `mq-staff-header` when the user presses "Sign out". */
export type SignOutEvent = CustomEvent<void>;

/** Fired by `mq-consultation-record` once the record is signed (the visit completed, the next patient called). */
export type RecordSignedEvent = CustomEvent<SignOffResponse>;

/** Fired by `mq-prescription-rows` with the whole list after every change (typing, adding, removing a row). */
export type RowsChangeEvent = CustomEvent<PrescriptionRow[]>;

/** Fired by `mq-doctor-waiting` when the doctor calls a waiting token out of order or returns a no-show. */
export type EntryStepEvent = CustomEvent<{ entry: StaffQueueEntry; step: 'call_token' | 'return_to_queue' }>;

/** Fired by `mq-record-addenda` with the record as the server returned it after an addendum was added. */
export type RecordChangedEvent = CustomEvent<RecordView>;

/**
 * Fired on `window` when the server answers 401 `session_expired` (an API call, or the socket): the staff panel asks
 * for the password again over the screen, which stays as it is.
 */
export type SessionExpiredEvent = CustomEvent<void>;

/** Fired on `window` by `mq-admin-app` once the same user has signed in again: screens retry what was refused. */
export type SessionRenewedEvent = CustomEvent<void>;

declare global {
  interface GlobalEventHandlersEventMap {
    'signed-in': SignedInEvent;
    'sign-out': SignOutEvent;
    'record-signed': RecordSignedEvent;
    'rows-change': RowsChangeEvent;
    'entry-step': EntryStepEvent;
    'record-changed': RecordChangedEvent;
    'session-expired': SessionExpiredEvent;
    'session-renewed': SessionRenewedEvent;
  }
}
