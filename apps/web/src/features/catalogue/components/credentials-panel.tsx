import { Group, Select, Stack, Text } from '@mantine/core';
import { CREDENTIAL_TYPE_LABELS, CREDENTIAL_TYPES, DELIVERY_METHOD_LABELS } from '@skillgrid/shared';
import type { CredentialDto, CredentialType } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { useFormat } from '../../../components/ui/format-context';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { SearchInput } from '../../../components/ui/search-input';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import { useCredentials } from '../api/get-credentials';
import { CatalogueName } from './catalogue-name';
import type { CatalogueParams } from '../hooks/use-catalogue-params';

const column = createColumnHelper<CredentialDto>();

interface CredentialsPanelProps {
  params: CatalogueParams;
  onChange: (changes: Partial<Omit<CatalogueParams, 'tab'>>, options?: { replace?: boolean }) => void;
}

export function CredentialsPanel({ params, onChange }: CredentialsPanelProps) {
  const format = useFormat();
  const { page, pageSize, q, type } = params;
  const credentials = useCredentials({ page, pageSize, q, type });
  const filtered = Boolean(q || type);

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Credential',
        cell: ({ row: { original } }) => <CatalogueName name={original.name} status={original.status} />,
      }),
      column.accessor('provider', { header: 'Provider' }),
      column.accessor('type', { header: 'Type', cell: (info) => CREDENTIAL_TYPE_LABELS[info.getValue()] ?? info.getValue() }),
      column.accessor('deliveryMethod', {
        header: 'Delivery',
        cell: (info) => DELIVERY_METHOD_LABELS[info.getValue()] ?? info.getValue(),
      }),
      column.accessor('hours', { header: 'Hours', cell: (info) => format.number(info.getValue(), 1) }),
      column.accessor('cost', { header: 'Cost', cell: (info) => format.money(info.getValue()) }),
      column.accessor('validityMonths', {
        header: 'Valid for',
        cell: (info) => {
          const months = info.getValue();
          return months === null ? 'Never expires' : `${months} month${months === 1 ? '' : 's'}`;
        },
      }),
      column.accessor('skills', {
        header: 'Skills granted',
        cell: (info) =>
          info.getValue().length === 0 ? (
            <Text size="sm" c="dimmed">
              None
            </Text>
          ) : (
            <Text size="sm">
              {info
                .getValue()
                .map((skill) => `${skill.skillName} (${format.level(skill.level)})`)
                .join(', ')}
            </Text>
          ),
      }),
    ],
    [format],
  );

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput
          label="Search credentials"
          placeholder="Name or provider"
          value={q ?? ''}
          onSearch={(value) => onChange({ q: value || undefined }, { replace: true })}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label="Type"
          placeholder="All types"
          data={CREDENTIAL_TYPES.map((value) => ({ value, label: CREDENTIAL_TYPE_LABELS[value] }))}
          value={type ?? null}
          onChange={(value) => onChange({ type: (value as CredentialType | null) ?? undefined })}
          clearable
          w={{ base: '100%', sm: 220 }}
        />
      </Group>

      {credentials.isPending ? (
        <TableSkeleton label="Loading credentials" />
      ) : credentials.isError && !credentials.data ? (
        <ErrorState
          error={credentials.error}
          title="Could not load credentials"
          onRetry={() => void credentials.refetch()}
          retrying={credentials.isFetching}
        />
      ) : (
        <>
          <DataTable
            data={credentials.data.items}
            columns={columns}
            caption="Credentials in the catalogue"
            getRowId={(credential) => String(credential.id)}
            minWidth={1000}
            stale={credentials.isPlaceholderData}
            empty={
              <EmptyState
                title={filtered ? 'No credential matches these filters' : 'The credential catalogue is empty'}
                description={
                  filtered ? 'Try another search or clear the type filter.' : 'HR can add credentials or import them from a CSV.'
                }
              />
            }
          />
          <PaginationBar
            page={page}
            pageSize={pageSize}
            total={credentials.data.total}
            noun="credentials"
            onPageChange={(next) => onChange({ page: next })}
            onPageSizeChange={(size) => onChange({ pageSize: size })}
          />
        </>
      )}
    </Stack>
  );
}
