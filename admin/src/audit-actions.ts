/** What each audited action is called on the audit log screen; the codes are the server's (`server/services/audit.ts` callers). */
const ACTION_WORDS: Record<string, string> = {
  'auth.sign_in': 'Signed in',
  'auth.sign_in_failed': 'Failed to sign in',
  'auth.sign_out': 'Signed out',
  'queue.check_in': 'Checked a patient in',
  'queue.attach_patient': 'Named the patient of a walk-in',
  'queue.cancel': 'Took a ticket out of the queue',
  'queue.call_token': 'Called a patient out of turn',
  'queue.call_next': 'Called the next patient',
  'queue.recall': 'Called a patient again',
  'queue.skip': 'Marked a no-show',
  'queue.return_to_queue': 'Returned a no-show to the queue',
  'queue.start_consultation': 'Started a consultation',
  'queue.complete': 'Completed a visit',
  'queue.transfer': 'Transferred a patient',
  'record.read': 'Opened a consultation record',
  'record.create': 'Started a consultation record',
  'record.update': 'Saved a consultation record',
  'record.sign': 'Signed a consultation record',
  'record.addendum': 'Added an addendum to a record',
  'appointment.book': 'Booked an appointment',
  'appointment.cancel': 'Cancelled an appointment',
  'appointment.reschedule': 'Moved an appointment',
  'appointment.no_show': 'Marked a missed appointment',
  'patient.create': 'Registered a patient',
  'patient.update': "Changed a patient's details",
  'schedule.replace_week': "Set a doctor's weekly hours",
  'schedule.add_interval': "Added to a doctor's hours",
  'schedule.update_interval': "Changed a doctor's hours",
  'schedule.remove_interval': "Removed some of a doctor's hours",
  'schedule.add_exception': 'Added a day off',
  'schedule.update_exception': 'Changed a day off',
  'schedule.remove_exception': 'Removed a day off',
  'schedule.generate': 'Generated bookable slots',
  'slot.block': 'Blocked a time',
  'slot.unblock': 'Unblocked a time',
  'user.create': 'Created a staff account',
  'user.update': 'Changed a staff account',
  'user.deactivate': 'Deactivated a staff account',
  'user.activate': 'Reactivated a staff account',
  'user.reset_password': 'Reset a password',
  'department.create': 'Created a department',
  'department.update': 'Changed a department',
  'doctor.create': "Created a doctor's profile",
  'doctor.update': "Changed a doctor's profile",
  'settings.update': 'Changed the clinic settings',
  display_profile_created: 'Created a display profile',
  display_profile_updated: 'Changed a display profile',
  display_profile_deleted: 'Deleted a display profile',
  kiosk_profile_created: 'Created a kiosk profile',
  kiosk_profile_updated: 'Changed a kiosk profile',
  kiosk_profile_deleted: 'Deleted a kiosk profile',
};

/** The kinds of action the audit log can be narrowed to: the server matches `prefix` at the start of the code. */
export const AUDIT_AREAS: ReadonlyArray<{ prefix: string; label: string }> = [
  { prefix: 'auth.', label: 'Signing in and out' },
  { prefix: 'record.', label: 'Consultation records' },
  { prefix: 'queue.', label: 'Queue and check-in' },
  { prefix: 'appointment.', label: 'Appointments' },
  { prefix: 'patient.', label: 'Patient details' },
  { prefix: 'schedule.', label: "Doctors' schedules" },
  { prefix: 'slot.', label: 'Blocked times' },
  { prefix: 'user.', label: 'Staff accounts' },
  { prefix: 'department.', label: 'Departments' },
  { prefix: 'doctor.', label: "Doctors' profiles" },
  { prefix: 'settings.', label: 'Clinic settings' },
  { prefix: 'display_profile', label: 'Display profiles' },
  { prefix: 'kiosk_profile', label: 'Kiosk profiles' },
];

/**
 * An action code in words ("Registered a patient"). A code this list does not know yet (a newer server) is shown
 * with its dots and underscores as spaces, which still reads better than the code.
 */
export function actionInWords(action: string): string {
  return ACTION_WORDS[action] ?? action.replace(/[._]+/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
