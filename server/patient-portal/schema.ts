import { z } from 'zod';
import { LANGUAGES } from '../../common/i18n';
import { id } from '../routes/schema-parts';

const identifier = z.string({ error: 'Enter your phone number or email address.' }).trim().min(3, 'Enter your phone number or email address.').max(190);

/** POST /api/me/sign-in/code */
export const CodeRequestSchema = { body: z.object({ identifier, language: z.string().max(8).optional() }) };

/** POST /api/me/sign-in */
export const CodeSignInSchema = {
  body: z.object({ identifier, code: z.string({ error: 'Enter the code.' }).trim().regex(/^\d{6}$/, 'Enter the 6-digit code.') }),
};

/** POST /api/me/sign-in/link */
export const LinkSignInSchema = { body: z.object({ token: z.string().min(20).max(64) }) };

/** Routes about one of the patient's appointments or visits. */
export const OwnIdSchema = { params: z.object({ id }) };

/** POST /api/me/appointments/:id/reschedule */
export const MyRescheduleSchema = { params: z.object({ id }), body: z.object({ slotId: id }) };

/** POST /api/me/profile/reports: allergies, or insurance (provider and number). */
export const ReportSchema = {
  body: z.union([
    z.object({ allergies: z.string().trim().min(1, 'Describe your allergies, or write "none".').max(2000) }).strict(),
    z.object({ insuranceProvider: z.string().trim().min(1, 'Enter your insurer.').max(100), insuranceNumber: z.string().trim().min(1, 'Enter your policy number.').max(64) }).strict(),
  ]),
};

const email = z.string({ error: 'Enter an email address.' }).trim().max(190, 'Use at most 190 characters.').pipe(z.email('Enter an email address such as name@example.com.'));

/** POST /api/me/profile/email: send a code to the address the patient wants on their account. */
export const EmailCheckSchema = { body: z.object({ email, language: z.string().max(8).optional() }) };

/** POST /api/me/profile/email/confirm: the code sent to that address saves it. */
export const EmailConfirmSchema = {
  body: z.object({ email, code: z.string({ error: 'Enter the code.' }).trim().regex(/^\d{6}$/, 'Enter the 6-digit code.') }),
};

/** POST /api/patients/:id/sign-in-link and /desk/...: `?lang=` prints it in that language (else the patient's usual one). */
export const SignInLinkSchema = {
  params: z.object({ id }),
  query: z.object({ lang: z.enum(LANGUAGES, { error: `Choose one of ${LANGUAGES.join(', ')}.` }).optional() }),
};
