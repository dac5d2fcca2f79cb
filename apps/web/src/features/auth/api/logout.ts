import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { authKeys } from './keys';

export function logout(): Promise<void> {
  return apiClient.post<void>('/auth/logout');
}

export function useLogout({ onLoggedOut }: { onLoggedOut?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Even if the call fails (session already gone), forget everything on this side. The
    // caller leaves the signed-in pages first, so nothing re-fetches as the cache empties.
    onSettled: () => {
      onLoggedOut?.();
      queryClient.clear();
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
}
