import { z } from 'zod';

const id = z.coerce.number().int().positive();

/** POST /api/kiosk/appointments/find */
export const AppointmentLookupSchema = {
  body: z.union([
    z.object({ bookingCode: z.string().trim().min(4, 'Enter the code from your booking.').max(12) }),
    z.object({
      phone: z.string().trim().min(5, 'Enter the phone number you booked with.').max(32),
      dateOfBirth: z.iso.date('Enter the date of birth as YYYY-MM-DD.'),
    }),
  ]),
};
