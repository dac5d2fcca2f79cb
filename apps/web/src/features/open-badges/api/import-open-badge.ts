import type { OpenBadgeImportResultDto } from '@skillgrid/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorFromResponse, NETWORK_ERROR, toQueryString } from '../../../lib/api-client';
import { env } from '../../../lib/env';
import { openBadgeKeys } from './keys';

export interface ImportOpenBadgeInput {
  /** The badge as uploaded or pasted: the server reads and checks it. */
  json: string;
  /** HR and managers: whose badge it is. Default: the signed-in employee. */
  employeeId?: number;
}

/**
 * POST /imports/open-badges with the badge as the JSON body. A refused badge (422) is an answer
 * with its checks, not a failure; other errors reject with the client's error type.
 */
export async function importOpenBadge({ json, employeeId }: ImportOpenBadgeInput): Promise<OpenBadgeImportResultDto> {
  let response: Response;
  try {
    response = await fetch(`${env.apiBaseUrl}/imports/open-badges${toQueryString({ employeeId })}`, {
      method: 'POST',
      body: json,
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({
      statusCode: 0,
      code: NETWORK_ERROR,
      message: 'Cannot reach Skillgrid. Check your connection and try again.',
    });
  }
  if (response.ok || response.status === 422) {
    const body = (await response.clone().json()) as Partial<OpenBadgeImportResultDto>;
    if (Array.isArray(body.checks)) return body as OpenBadgeImportResultDto;
  }
  throw await errorFromResponse(response);
}

export function useImportOpenBadge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importOpenBadge,
    // A recorded badge is a completion: the profile (skills, gaps), assignments and analytics change.
    meta: { changes: ['employees', 'assignments', 'analytics'] },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: openBadgeKeys.all }),
  });
}
