import type { ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { MAX_PAGE_SIZE } from '@skillgrid/shared';
import { useMemo, useState } from 'react';
import type { CatalogueOption } from '../features/assignments/components/assign-form';
import { useClusters } from '../features/catalogue/api/get-clusters';
import { useAllCredentials } from '../features/catalogue/api/get-credentials';
import { useEmployees } from '../features/employees/api/get-employees';
import type { FilterOptions } from './filter-options';

const byLabel = (a: ComboboxItem, b: ComboboxItem) => a.label.localeCompare(b.label);

/** Active clusters to assign, with their total hours and cost. */
export function useClusterOptions(): FilterOptions<CatalogueOption> {
  const clusters = useClusters({ page: 1, pageSize: MAX_PAGE_SIZE, status: 'active' });
  const options = useMemo(
    () =>
      (clusters.data?.items ?? [])
        .filter((cluster) => cluster.status === 'active' && cluster.credentials.length > 0)
        .map((cluster) => ({
          value: String(cluster.id),
          label: cluster.name,
          hours: cluster.totalHours,
          cost: cluster.totalCost,
          detail: `${cluster.credentials.length} credential${cluster.credentials.length === 1 ? '' : 's'}`,
        }))
        .sort(byLabel),
    [clusters.data],
  );
  return { options, loading: clusters.isPending };
}

/** Active credentials to assign one at a time, with their hours and cost. */
export function useCredentialOptions(): FilterOptions<CatalogueOption> {
  const credentials = useAllCredentials();
  const options = useMemo(
    () =>
      (credentials.data ?? [])
        .filter((credential) => credential.status === 'active')
        .map((credential) => ({
          value: String(credential.id),
          label: credential.name,
          hours: credential.hours,
          cost: credential.cost,
          detail: credential.provider,
        }))
        .sort(byLabel),
    [credentials.data],
  );
  return { options, loading: credentials.isPending };
}

const PEOPLE_PAGE = 50;

/** Active people in the caller's scope matching a search, for a people picker (the server searches). */
export function usePeopleSearch() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const employees = useEmployees({ page: 1, pageSize: PEOPLE_PAGE, q: q || undefined, status: 'active', includeSubteams: true });
  const options = useMemo(
    () =>
      (employees.data?.items ?? []).map((employee) => ({
        value: String(employee.id),
        label: `${employee.name} (${employee.teamName})`,
      })),
    [employees.data],
  );
  return { options, loading: employees.isFetching, onSearch: setSearch };
}
