import { useCallback } from 'react';
import { useSaveCatalogueItem } from '../api/save-catalogue-item';
import type { RetirableKind } from '../api/retire-catalogue-item';
import { notifyFailed, notifySaved } from '../utils/notify';

/** Puts a retired record back in use (PATCH status=active), with a notification. */
export function useReactivate(kind: Exclude<RetirableKind, 'capabilityTarget'>, noun: string) {
  const { mutate } = useSaveCatalogueItem(kind);
  return useCallback(
    (record: { id: number; name: string }) =>
      mutate(
        { id: record.id, input: { status: 'active' } },
        {
          onSuccess: () => notifySaved(`${noun} reactivated`, `“${record.name}” is active again.`),
          onError: (error) => notifyFailed(`“${record.name}” was not reactivated`, error.message),
        },
      ),
    [mutate, noun],
  );
}
