import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyAttempts } from '../errors';
import { memoryLimiters, type LimiterFactory } from '../scale/limiters';

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
 * Counts sign-in attempts per (email, address) and per address (a success gives its point back, so in effect it
 * counts failures), and refuses further attempts with 429 once either limit is reached. Counted in memory (a restart
 * forgives), or with REDIS_URL in Redis, so guesses spread over several servers meet one limit.
 */
export class SignInThrottle {
  private readonly account: RateLimiterAbstract;
  private readonly address: RateLimiterAbstract;

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    limiters: LimiterFactory = memoryLimiters,
  ) {
    this.account = limiters({ name: 'sign-in:account', points: limits.perAccount, duration: limits.windowSeconds });
    this.address = limiters({ name: 'sign-in:address', points: limits.perAddress, duration: limits.windowSeconds });
  }

  private static accountKey(email: string, ip: string) {
    return `${email.trim().toLowerCase()}|${ip}`;
  }

  /**
   * Counts an attempt before its password is checked, and throws 429 `too_many_attempts` once this email from this
   * address, or this address, has used its allowance. Counting first (reserve, then verify) is what makes 40
   * parallel guesses meet the same limit as 40 in a row: a check-then-count would let every one of them through
   * before the first failure was counted. A success gives its points back ({@link succeeded}).
   */
  async reserve(email: string, ip: string): Promise<void> {
    const results = await Promise.allSettled([this.account.consume(SignInThrottle.accountKey(email, ip)), this.address.consume(ip)]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    if (!refused.length) return;
    const unexpected = refused.find((r) => !(r instanceof RateLimiterRes));
    if (unexpected) throw unexpected;
    const wait = Math.max(...(refused as RateLimiterRes[]).map((res) => res.msBeforeNext)) / 1000;
    const minutes = Math.max(1, Math.ceil(wait / 60));
    throw tooManyAttempts(
      `Too many unsuccessful sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      wait,
    );
  }

  /** Forgets the failures of this email from this address after a successful sign-in, and gives back its reservation. */
  async succeeded(email: string, ip: string): Promise<void> {
    await Promise.all([this.account.delete(SignInThrottle.accountKey(email, ip)), this.address.reward(ip, 1)]);
  }
}
