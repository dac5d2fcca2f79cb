import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { Request } from 'express';
import type { UserRole } from '@skillgrid/shared';
import { DomainError } from '../errors/domain-error';
import { IS_PUBLIC, ROLES } from './decorators';
import { SESSION_COOKIE, type SessionUser } from './session-user';

interface SessionClaims {
  sub: number;
}

/**
 * Global guard: reads the session cookie, checks the JWT, loads the user (so a disabled user
 * is out at once), then checks @Roles. Public handlers skip it.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: SessionUser }>();
    const user = await this.userFromCookie(request);
    if (!user) throw new DomainError('unauthenticated', 'UNAUTHENTICATED', 'Sign in to continue');
    request.user = user;
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES, targets);
    if (roles && user.role !== 'admin' && !roles.includes(user.role)) {
      throw DomainError.forbidden(`This is not available to the ${user.role} role`);
    }
    return true;
  }

  async userFromCookie(request: Request): Promise<SessionUser | null> {
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!token) return null;
    let claims: SessionClaims;
    try {
      claims = await this.jwt.verifyAsync<SessionClaims & object>(token);
    } catch {
      return null;
    }
    // Raw SQL: every request pays for this read, and TypeORM's query building and hydration cost
    // about as much as the read itself.
    const [user] = (await this.dataSource.query('SELECT id, email, role, employee_id, disabled_at FROM users WHERE id = ?', [
      claims.sub,
    ])) as Array<{
      id: number | string;
      email: string;
      role: UserRole;
      employee_id: number | string | null;
      disabled_at: unknown;
    }>;
    if (!user || user.disabled_at !== null) return null;
    return {
      id: Number(user.id),
      email: user.email,
      role: user.role,
      employeeId: user.employee_id === null ? null : Number(user.employee_id),
    };
  }
}
