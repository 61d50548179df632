// The logged-in person, available to every page behind RequireAuth.
import { createContext, useContext } from 'react';
import type { Role, User } from '@fs/contracts';

export const CurrentUserContext = createContext<User | null>(null);

export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser used outside RequireAuth');
  return user;
}

/** Dispatchers and admins plan for everyone; technicians only for themselves. */
export function canManageAll(role: Role): boolean {
  return role === 'ADMIN' || role === 'DISPATCHER';
}
