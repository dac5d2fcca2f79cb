import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/env.validation';
import { DomainError } from '../errors/domain-error';
import { ThrottleRecord } from './throttle-record.entity';

/**
 * Fixed-window counters in the database (shared by every API replica): at most `loginLimit`
 * attempts per e-mail and five times that per client address, per window.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async hit(ip: string, email: string): Promise<void> {
    const windowMs = this.config.loginWindowSeconds * 1000;
    const checks: Array<[string, number]> = [
      [`login:ip:${ip}`.slice(0, 191), this.config.loginLimit * 5],
      [`login:email:${email}`.slice(0, 191), this.config.loginLimit],
    ];
    for (const [key, limit] of checks) {
      const retryAfter = await this.increment(key, limit, windowMs);
      if (retryAfter > 0) {
        throw new DomainError(
          'too_many_requests',
          'TOO_MANY_ATTEMPTS',
          `Too many sign-in attempts; try again in ${retryAfter} seconds`,
          undefined,
          retryAfter,
        );
      }
    }
  }

  /** A successful sign-in clears the e-mail's counter (the address counter stays). */
  async reset(email: string): Promise<void> {
    await this.dataSource.getRepository(ThrottleRecord).delete({ key: `login:email:${email}`.slice(0, 191) });
  }

  /**
   * Counts one attempt; returns the seconds to wait when over the limit, else 0. One atomic
   * UPDATE (a window that has ended starts again at 1), or an INSERT for a new key: no row
   * locks are held across statements, so concurrent sign-ins cannot deadlock.
   */
  private async increment(key: string, limit: number, windowMs: number): Promise<number> {
    const repo = this.dataSource.getRepository(ThrottleRecord);
    const now = Date.now();
    const bump = () =>
      repo
        .createQueryBuilder()
        .update(ThrottleRecord)
        .set({
          hits: () => 'CASE WHEN expires_at <= :now THEN 1 ELSE hits + 1 END',
          expiresAt: () => 'CASE WHEN expires_at <= :now THEN :fresh ELSE expires_at END',
        })
        .where({ key })
        .setParameters({ now, fresh: now + windowMs })
        .execute();
    if (!(await bump()).affected) {
      try {
        await repo.insert({ key, hits: 1, expiresAt: String(now + windowMs), blockedUntil: '0' });
      } catch {
        await bump(); // another request inserted the key first
      }
    }
    const row = await repo.findOneByOrFail({ key });
    return row.hits > limit ? Math.max(1, Math.ceil((Number(row.expiresAt) - now) / 1000)) : 0;
  }
}
