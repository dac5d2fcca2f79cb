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
        throw new DomainError('too_many_requests', 'TOO_MANY_ATTEMPTS', `Too many sign-in attempts; try again in ${retryAfter} seconds`, undefined, retryAfter);
      }
    }
  }

  /** A successful sign-in clears the e-mail's counter (the address counter stays). */
  async reset(email: string): Promise<void> {
    await this.dataSource.getRepository(ThrottleRecord).delete({ key: `login:email:${email}`.slice(0, 191) });
  }

  /** Counts one attempt; returns the seconds to wait when over the limit, else 0. */
  private increment(key: string, limit: number, windowMs: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const now = Date.now();
      const repo = manager.getRepository(ThrottleRecord);
      const row = await repo.findOne({ where: { key }, lock: manager.connection.options.type === 'better-sqlite3' ? undefined : { mode: 'pessimistic_write' } });
      if (!row || Number(row.expiresAt) <= now) {
        await repo.save({ key, hits: 1, expiresAt: String(now + windowMs), blockedUntil: '0' });
        return 0;
      }
      row.hits += 1;
      await repo.update({ key }, { hits: row.hits });
      return row.hits > limit ? Math.ceil((Number(row.expiresAt) - now) / 1000) : 0;
    });
  }
}
