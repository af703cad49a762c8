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

// ----- Schedules and appointments -----

/** Fired by `mq-doctor-picker` when the chosen doctor changes (null when the department has none). */
export type DoctorChangeEvent = CustomEvent<import('../../common/admin').DoctorProfileView | null>;

/** Fired by `mq-week-editor` after the week was saved (the server's copy). */
export type WeekSavedEvent = CustomEvent<import('../../common/admin').WeekResponse>;

/** Fired by `mq-exceptions-editor` after days off changed, which regenerates those days' slots. */
export type SlotsChangedEvent = CustomEvent<void>;

/** Fired by `mq-week-calendar` when a slot's button is pressed. */
export type SlotSelectEvent = CustomEvent<import('./mq-week-calendar').SlotChoice>;

/** Fired by `mq-patient-picker` with the patient found or registered. */
export type PatientChosenEvent = CustomEvent<import('../../common/admin').PatientView>;

/** Fired by `mq-booking-panel` after a booking, and by `mq-appointment-panel` after cancel or no-show. */
export type AppointmentEvent = CustomEvent<import('../../common/booking').AppointmentView>;

/** Fired by `mq-booking-panel` when the server says the slot is no longer free: the week should be read again. */
export type CalendarStaleEvent = CustomEvent<void>;

declare global {
  interface GlobalEventHandlersEventMap {
    'doctor-change': DoctorChangeEvent;
    'week-saved': WeekSavedEvent;
    'slots-changed': SlotsChangedEvent;
    'slot-select': SlotSelectEvent;
    'patient-chosen': PatientChosenEvent;
    'appointment-booked': AppointmentEvent;
    'appointment-changed': AppointmentEvent;
    'reschedule-start': AppointmentEvent;
    'calendar-stale': CalendarStaleEvent;
  }
}
