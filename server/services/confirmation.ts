import { dayInZone, formatDay, formatTime } from '../../common/clinic-format';
import QRCode from 'qrcode';
import type { Appointment } from '../models';
import { CATALOGUE, type Language } from '../../common/i18n';
import { roomIn } from '../../common/ticket-status';
import { renderView } from '../views/render';
import { departmentLabels, departmentName } from './patient-languages';

/**
 * The printable confirmation of an appointment (server-rendered): when, who, where, and the booking code in words
 * and as a QR code. The QR code holds the booking code alone, exactly what the kiosk's appointment check-in takes,
 * so a scan and typing the code are the same. Expects appointmentIncludes() loaded. `withPatient: false` leaves the
 * patient's name out (the public copy, opened by the booking code alone); `language` is the patient's (`?lang=`).
 */
export async function renderConfirmation(
  appointment: Appointment,
  clinicName: string,
  zone: string,
  withPatient = true,
  language: Language = 'en',
): Promise<string> {
  const texts = CATALOGUE[language];
  const start = appointment.slot!.startsAt;
  const department = appointment.doctor!.department;
  const labels = department ? await departmentLabels() : {};
  // A PNG data URL: printable everywhere, and the page needs no outside resource.
  const qrDataUrl = await QRCode.toDataURL(appointment.bookingCode, { errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  return renderView('appointment-confirmation', {
    lang: language,
    dir: texts.dir,
    c: texts.confirmation,
    qrAlt: texts.confirmation.qrAlt(appointment.bookingCode),
    clinicName,
    bookingCode: appointment.bookingCode,
    date: formatDay(dayInZone(start, zone), 'long', texts.locale),
    time: formatTime(start, zone, texts.locale),
    patientName: withPatient ? appointment.patient!.fullName : null,
    doctorName: appointment.doctor!.user?.fullName ?? '',
    departmentName: department ? departmentName(department, labels, language) : '',
    room: roomIn(texts)(appointment.doctor!.room),
    qrDataUrl,
  });
}
