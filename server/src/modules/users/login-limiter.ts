import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../core/errors.js';
import { LoginFailure } from './login-failure.entity.js';

/** Failed sign-ins allowed in the window: few per account (guessing one password), more per address (a shared office). */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 30, windowMinutes: 15 } as const;

/** Rate-limits password guessing in the database, so the limit holds across every server behind a balancer. */
export class LoginLimiter {
  constructor(private readonly dataSource: DataSource) {}

  async check(email: string, address: string): Promise<void> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS account, count(*) FILTER (WHERE address = $2)::int AS address
         FROM login_failures WHERE (email = $1 OR address = $2) AND at > now() - make_interval(mins => $3)`,
      [email.trim().toLowerCase(), address, LOGIN_LIMITS.windowMinutes],
    )) as Array<{ account: number; address: number }>;
    if (row!.account >= LOGIN_LIMITS.perAccount || row!.address >= LOGIN_LIMITS.perAddress) {
      throw new DomainError(ErrorCode.RATE_LIMITED, `Too many failed sign-ins: try again in ${LOGIN_LIMITS.windowMinutes} minutes`, {
        retryAfterSeconds: LOGIN_LIMITS.windowMinutes * 60,
      });
    }
  }

  async fail(email: string, address: string): Promise<void> {
    await this.dataSource.manager.insert(LoginFailure, { email: email.trim().toLowerCase().slice(0, 320), address: address.slice(0, 64) });
    await this.dataSource.query(`DELETE FROM login_failures WHERE at < now() - interval '1 day'`);
  }

  async succeed(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE email = $1`, [email.trim().toLowerCase()]);
  }
}
