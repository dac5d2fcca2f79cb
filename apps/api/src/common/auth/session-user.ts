import type { UserRole } from '@skillgrid/shared';

/** The signed-in user, as every guard and service sees it. */
export interface SessionUser {
  id: number;
  email: string;
  role: UserRole;
  employeeId: number | null;
}

export const SESSION_COOKIE = 'sg_session';
