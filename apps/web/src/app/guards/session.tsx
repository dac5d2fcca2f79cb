import type { AuthUserDto } from '@skillgrid/shared';
import { createContext, useContext } from 'react';

export const SessionContext = createContext<AuthUserDto | null>(null);

/** The signed-in user; only valid below RequireAuth. */
export function useCurrentUser(): AuthUserDto {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useCurrentUser must be used below RequireAuth');
  return user;
}
