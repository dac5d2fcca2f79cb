import type { NotificationsDto } from '@skillgrid/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { notificationKeys } from './keys';

/** How often the bell asks again: reminders change by the day, not by the second. */
export const NOTIFICATIONS_POLL_MS = 5 * 60_000;

/** Assignments due soon or overdue and credentials expiring, for the user and the people they line-manage. */
export function getNotifications(signal?: AbortSignal): Promise<NotificationsDto> {
  return apiClient.get<NotificationsDto>('/me/notifications', undefined, signal);
}

export const notificationsQueryOptions = () =>
  queryOptions({
    queryKey: notificationKeys.mine(),
    queryFn: ({ signal }) => getNotifications(signal),
    refetchInterval: NOTIFICATIONS_POLL_MS,
    staleTime: 60_000,
    meta: { dependsOn: ['assignments'] },
  });

export function useNotifications() {
  return useQuery(notificationsQueryOptions());
}
