import { z } from 'zod';

/** POST /api/auth/sign-in */
export const SignInSchema = {
  body: z.object({
    email: z.string({ error: 'Enter your email address.' }).trim().min(1, 'Enter your email address.').max(190)
      .pipe(z.email('Enter a valid email address, such as name@clinic.org.')),
    password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(200),
  }),
};
