import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import * as argon2 from 'argon2';
import type { AuthUserDto } from '@skillgrid/shared';
import { DomainError } from '../../common/errors/domain-error';
import { LoginThrottleService } from '../../common/throttling/login-throttle.service';
import type { SessionUser } from '../../common/auth/session-user';
import { utcNow } from '../../database/column-types';
import { User } from '../users/user.entity';
import { Employee } from '../employees/employee.entity';
import { Team } from '../teams/team.entity';

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so both failures take the same time. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async login(emailInput: string, password: string, ip: string): Promise<{ token: string; user: AuthUserDto }> {
    const email = emailInput.trim().toLowerCase();
    await this.throttle.hit(ip, email);
    const user = await this.dataSource.getRepository(User).findOne({ where: { email } });
    this.dummyHash ??= argon2.hash('not-a-real-password');
    const ok =
      user && !user.disabledAt
        ? await argon2.verify(user.passwordHash, password)
        : (await argon2.verify(await this.dummyHash, password), false);
    if (!user || !ok) throw new DomainError('unauthenticated', 'INVALID_CREDENTIALS', 'The e-mail or password is not right');
    await this.throttle.reset(email);
    await this.dataSource.getRepository(User).update({ id: user.id }, { lastLoginAt: utcNow() });
    const token = await this.jwt.signAsync({ sub: user.id });
    return { token, user: await this.describe({ id: user.id, email: user.email, role: user.role, employeeId: user.employeeId }) };
  }

  async describe(user: SessionUser): Promise<AuthUserDto> {
    const employee = user.employeeId
      ? await this.dataSource.getRepository(Employee).findOne({ where: { id: user.employeeId } })
      : null;
    const managed =
      user.employeeId && user.role === 'manager'
        ? await this.dataSource.getRepository(Team).find({ where: { managerId: user.employeeId }, select: { id: true } })
        : [];
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      employeeId: user.employeeId,
      name: employee?.name ?? user.email,
      managedTeamIds: managed.map((t) => t.id),
    };
  }
}
