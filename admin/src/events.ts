import type { SessionResponse } from '../../common/api';
import type { SignOffResponse } from '../../common/records';
import type { PrescriptionRow } from './mq-prescription-rows';

/** Fired by `mq-sign-in` when the server accepted the email and password. */
export type SignedInEvent = CustomEvent<SessionResponse>;

/** Fired by `mq-staff-header` when the user presses "Sign out". */
export type SignOutEvent = CustomEvent<void>;

/** Fired by `mq-consultation-record` once the record is signed (the visit completed, the next patient called). */
export type RecordSignedEvent = CustomEvent<SignOffResponse>;

/** Fired by `mq-prescription-rows` with the whole list after every change (typing, adding, removing a row). */
export type RowsChangeEvent = CustomEvent<PrescriptionRow[]>;

declare global {
  interface GlobalEventHandlersEventMap {
    'signed-in': SignedInEvent;
    'sign-out': SignOutEvent;
    'record-signed': RecordSignedEvent;
    'rows-change': RowsChangeEvent;
  }
}
