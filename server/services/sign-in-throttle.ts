import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { tooManyAttempts } from '../errors';

/** Limits of failed sign-ins; generous enough for a tired human, far too few for guessing. */
export interface ThrottleLimits {
  /** Failures allowed for one email from one address in `windowSeconds`. */
  perAccount: number;
  /** Failures allowed from one address, whatever the email, in `windowSeconds`. */
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 30, windowSeconds: 15 * 60 };

/**
 * Counts failed sign-ins per (email, address) and per address, and refuses further attempts with 429 once either
 * limit is reached. Kept in memory: a restart forgives, which is acceptable for one clinic server.
 */
export class SignInThrottle {
  private readonly account: RateLimiterMemory;
  private readonly address: RateLimiterMemory;

  constructor(private readonly limits: ThrottleLimits = DEFAULT_LIMITS) {
    this.account = new RateLimiterMemory({ points: limits.perAccount, duration: limits.windowSeconds });
    this.address = new RateLimiterMemory({ points: limits.perAddress, duration: limits.windowSeconds });
  }

  private static accountKey(email: string, ip: string) {
    return `${email.trim().toLowerCase()}|${ip}`;
  }

  /** Throws 429 `too_many_attempts` if this email or address has used up its failures. */
  async check(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([
      this.account.get(SignInThrottle.accountKey(email, ip)),
      this.address.get(ip),
    ]);
    const blocked = [
      [account, this.limits.perAccount],
      [address, this.limits.perAddress],
    ].filter(([res, limit]) => res && (res as RateLimiterRes).consumedPoints >= (limit as number)) as [
      RateLimiterRes,
      number,
    ][];
    if (blocked.length) {
      const wait = Math.max(...blocked.map(([res]) => res.msBeforeNext)) / 1000;
      const minutes = Math.max(1, Math.ceil(wait / 60));
      throw tooManyAttempts(
        `Too many unsuccessful sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
        wait,
      );
    }
  }

  /** Records a failed attempt. */
  async failed(email: string, ip: string): Promise<void> {
    // consume() rejects once the limit is passed; the next check() reports that, so the rejection is not needed here.
    await Promise.allSettled([this.account.consume(SignInThrottle.accountKey(email, ip)), this.address.consume(ip)]);
  }

  /** Forgets the failures of this email from this address after a successful sign-in. */
  async succeeded(email: string, ip: string): Promise<void> {
    await this.account.delete(SignInThrottle.accountKey(email, ip));
  }
}
