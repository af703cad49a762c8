import type { PatientView } from '../../common/admin';
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

/** Fired by `mq-audit-patient-filter` with the patient chosen, or null when the choice is cleared. */
export type PatientFilterChangeEvent = CustomEvent<PatientView | null>;

/** Fired by `mq-department-checkboxes` with the ids of the departments ticked. */
export type DepartmentsChangeEvent = CustomEvent<readonly number[]>;

/** Fired by the display and kiosk profile forms once the server has saved the profile (`saved`), or on Cancel. */
export type DeviceFormEvent = CustomEvent<void>;

declare global {
  interface GlobalEventHandlersEventMap {
    'signed-in': SignedInEvent;
    'sign-out': SignOutEvent;
    'record-signed': RecordSignedEvent;
    'rows-change': RowsChangeEvent;
    'patient-filter-change': PatientFilterChangeEvent;
    'departments-change': DepartmentsChangeEvent;
    'device-saved': DeviceFormEvent;
    'device-form-cancel': DeviceFormEvent;
  }
}
