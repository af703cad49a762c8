import type { ClinicSettings, DoctorProfileView, OpeningInterval, PatientView } from '../../../common/admin';
import type { SessionResponse, StaffQueueEntry, StaffUser, TicketView } from '../../../common/api';
import type { ReceptionArrival } from '../../../common/reception';
import type { RecordView, SignOffResponse } from '../../../common/records';
import type { PrescriptionRow } from '../doctor/mq-prescription-rows';

/** Fired by `mq-sign-in` when the server accepted the email and password. */
export type SignedInEvent = CustomEvent<SessionResponse>;

/** Fired by `mq-staff-header` when the user presses "Sign out". */
export type SignOutEvent = CustomEvent<void>;

/** Fired by `mq-consultation-record` once the record is signed (the visit completed, the next patient called). */
export type RecordSignedEvent = CustomEvent<SignOffResponse>;

/** Fired by `mq-prescription-rows` with the whole list after every change (typing, adding, removing a row). */
export type RowsChangeEvent = CustomEvent<PrescriptionRow[]>;

/** Fired by `mq-staff-form` with the account the server saved (created or edited). */
export type StaffSavedEvent = CustomEvent<StaffUser>;

/** Fired by `mq-doctor-form` with the profile the server saved (created or edited). */
export type DoctorSavedEvent = CustomEvent<DoctorProfileView>;

/** Fired by `mq-patient-form` with the patient the server saved (registered or edited). */
export type PatientSavedEvent = CustomEvent<PatientView>;

/** Fired by `mq-patient-form` when the user chooses to open an existing patient (a possible duplicate). */
export type PatientOpenEvent = CustomEvent<PatientView>;

/** Fired by a people-and-places form (staff, password, doctor, patient) when the user closes it without saving. */
export type FormCancelEvent = CustomEvent<void>;

/** Fired by `mq-opening-hours` with the whole weekly list after every change. */
export type HoursChangeEvent = CustomEvent<OpeningInterval[]>;

/** Fired by `mq-clinic-settings` once the server saved the settings (the staff header shows the new name at once). */
export type ClinicSettingsSavedEvent = CustomEvent<ClinicSettings>;

/** Fired by `mq-patient-finder` when staff pick a patient (found, registered, or a possible duplicate). */
export type PatientChosenEvent = CustomEvent<PatientView>;

/** Fired by `mq-desk-alerts` when reception marks an emergency alert as seen; the detail is the entry id. */
export type AlertSeenEvent = CustomEvent<number>;

/** Fired by `mq-desk-arrivals` when reception wants to name the patient behind an anonymous walk-in. */
export type AddPatientEvent = CustomEvent<ReceptionArrival>;

/** Fired by the desk's check-in forms (walk-in, appointment) once the server issued a ticket. */
export type DeskTicketIssuedEvent = CustomEvent<TicketView>;

/** Fired by `mq-issued-ticket` when reception is done with the ticket it shows. */
export type TicketClosedEvent = CustomEvent<void>;

/** Fired by `mq-audit-patient-filter` with the patient chosen, or null when the choice is cleared. */
export type PatientFilterChangeEvent = CustomEvent<PatientView | null>;

/** Fired by `mq-department-checkboxes` with the ids of the departments ticked. */
export type DepartmentsChangeEvent = CustomEvent<readonly number[]>;

/** Fired by the display and kiosk profile forms once the server has saved the profile (`saved`), or on Cancel. */
export type DeviceFormEvent = CustomEvent<void>;

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
    'staff-saved': StaffSavedEvent;
    'doctor-saved': DoctorSavedEvent;
    'patient-saved': PatientSavedEvent;
    'patient-open': PatientOpenEvent;
    'form-cancel': FormCancelEvent;
    'hours-change': HoursChangeEvent;
    'clinic-settings-saved': ClinicSettingsSavedEvent;
    'patient-chosen': PatientChosenEvent;
    'alert-seen': AlertSeenEvent;
    'add-patient': AddPatientEvent;
    'desk-ticket-issued': DeskTicketIssuedEvent;
    'ticket-closed': TicketClosedEvent;
  }
}

// ----- Schedules and appointments -----

/** Fired by `mq-doctor-picker` when the chosen doctor changes (null when the department has none). */
export type DoctorChangeEvent = CustomEvent<import('../../../common/admin').DoctorProfileView | null>;

/** Fired by `mq-week-editor` after the week was saved (the server's copy). */
export type WeekSavedEvent = CustomEvent<import('../../../common/admin').WeekResponse>;

/** Fired by `mq-exceptions-editor` after days off changed, which regenerates those days' slots. */
export type SlotsChangedEvent = CustomEvent<void>;

/** Fired by `mq-week-calendar` when a slot's button is pressed. */
export type SlotSelectEvent = CustomEvent<import('../scheduling/mq-week-calendar').SlotChoice>;

/** Fired by `mq-booking-panel` after a booking, and by `mq-appointment-panel` after cancel or no-show. */
export type AppointmentEvent = CustomEvent<import('../../../common/booking').AppointmentView>;

/** Fired by `mq-booking-panel` when the server says the slot is no longer free: the week should be read again. */
export type CalendarStaleEvent = CustomEvent<void>;

/** Fired by `mq-patient-reports` when a confirmed report changed the patient's record (detail: the patient's id). */
export type PatientRecordChangedEvent = CustomEvent<number>;

declare global {
  interface GlobalEventHandlersEventMap {
    'doctor-change': DoctorChangeEvent;
    'week-saved': WeekSavedEvent;
    'slots-changed': SlotsChangedEvent;
    'slot-select': SlotSelectEvent;
    'appointment-booked': AppointmentEvent;
    'appointment-changed': AppointmentEvent;
    'reschedule-start': AppointmentEvent;
    'calendar-stale': CalendarStaleEvent;
    'patient-record-changed': PatientRecordChangedEvent;
    'patient-filter-change': PatientFilterChangeEvent;
    'departments-change': DepartmentsChangeEvent;
    'device-saved': DeviceFormEvent;
    'device-form-cancel': DeviceFormEvent;
    'entry-step': EntryStepEvent;
    'record-changed': RecordChangedEvent;
    'session-expired': SessionExpiredEvent;
    'session-renewed': SessionRenewedEvent;
  }
}

// ----- Consultation record (issue 19) -----

/** Fired by `mq-icd10-picker` with the code chosen, or null when it is cleared. */
export type Icd10ChangeEvent = CustomEvent<import('../../../common/records').Icd10Entry | null>;

/** Fired by `mq-record-vitals` with the vital typed into and its new text. */
export type VitalInputEvent = CustomEvent<{ field: import('../../../common/vitals').VitalField; value: string }>;

/** Fired by `mq-read-reason-dialog` with the reason the doctor gave (trimmed, within the server's limits). */
export type ReasonGivenEvent = CustomEvent<string>;

declare global {
  interface GlobalEventHandlersEventMap {
    'icd10-change': Icd10ChangeEvent;
    'vital-input': VitalInputEvent;
    'reason-given': ReasonGivenEvent;
  }
}
