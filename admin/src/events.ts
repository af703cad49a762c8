import type { PatientView } from '../../common/admin';
import type { SessionResponse, TicketView } from '../../common/api';
import type { ReceptionArrival } from '../../common/reception';
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

/** Fired by `mq-patient-finder` when reception picks a patient (found, registered, or a possible duplicate). */
export type PatientChosenEvent = CustomEvent<PatientView>;

/** Fired by `mq-desk-alerts` when reception marks an emergency alert as seen; the detail is the entry id. */
export type AlertSeenEvent = CustomEvent<number>;

/** Fired by `mq-desk-arrivals` when reception wants to name the patient behind an anonymous walk-in. */
export type AddPatientEvent = CustomEvent<ReceptionArrival>;

/** Fired by the desk's check-in forms (walk-in, appointment) once the server issued a ticket. */
export type DeskTicketIssuedEvent = CustomEvent<TicketView>;

/** Fired by `mq-issued-ticket` when reception is done with the ticket it shows. */
export type TicketClosedEvent = CustomEvent<void>;

declare global {
  interface GlobalEventHandlersEventMap {
    'signed-in': SignedInEvent;
    'sign-out': SignOutEvent;
    'record-signed': RecordSignedEvent;
    'rows-change': RowsChangeEvent;
    'patient-chosen': PatientChosenEvent;
    'alert-seen': AlertSeenEvent;
    'add-patient': AddPatientEvent;
    'desk-ticket-issued': DeskTicketIssuedEvent;
    'ticket-closed': TicketClosedEvent;
  }
}
