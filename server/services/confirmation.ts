import { DateTime } from 'luxon';
import QRCode from 'qrcode';
import type { Appointment } from '../models';
import { renderView } from '../views/render';

/**
 * The printable confirmation of an appointment (server-rendered): when, who, where, and the booking code in words
 * and as a QR code. The QR code holds the booking code alone, exactly what the kiosk's appointment check-in takes,
 * so a scan and typing the code are the same. Expects appointmentIncludes() loaded. `withPatient: false` leaves the
 * patient's name out (the public copy, opened by the booking code alone).
 */
export async function renderConfirmation(appointment: Appointment, clinicName: string, zone: string, withPatient = true): Promise<string> {
  const start = DateTime.fromJSDate(appointment.slot!.startsAt, { zone }).setLocale('en-GB');
  // A PNG data URL: printable everywhere, and the page needs no outside resource.
  const qrDataUrl = await QRCode.toDataURL(appointment.bookingCode, { errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  return renderView('appointment-confirmation', {
    clinicName,
    bookingCode: appointment.bookingCode,
    date: start.toFormat('cccc d LLLL yyyy'),
    time: start.toFormat('HH:mm'),
    patientName: withPatient ? appointment.patient!.fullName : null,
    doctorName: appointment.doctor!.user?.fullName ?? '',
    departmentName: appointment.doctor!.department?.name ?? '',
    room: appointment.doctor!.room,
    qrDataUrl,
  });
}
