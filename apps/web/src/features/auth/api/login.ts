import type { LoginRequestDto, LoginResponseDto } from '@skillgrid/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { authKeys } from './keys';

export function login(credentials: LoginRequestDto): Promise<LoginResponseDto> {
  return apiClient.post<LoginResponseDto>('/auth/login', credentials);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      // Nothing cached for a previous user may leak into this session.
      queryClient.clear();
      queryClient.setQueryData(authKeys.me(), user);
    },
  });
}
