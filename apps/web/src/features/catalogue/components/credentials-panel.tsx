import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { CREDENTIAL_TYPE_LABELS, DELIVERY_METHOD_LABELS } from '@skillgrid/shared';
import type { CredentialDto, CredentialType } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import { SearchInput } from '../../../components/ui/search-input';
import { useCredentials } from '../api/get-credentials';
import type { CataloguePanelProps } from '../hooks/use-catalogue-params';
import { useDialog } from '../hooks/use-dialog';
import { useReactivate } from '../hooks/use-reactivate';
import { credentialTypeOptions } from '../utils/options';
import { CatalogueName } from './catalogue-name';
import { CredentialForm } from './credential-form';
import { CatalogueResults } from './catalogue-results';
import { FormDialog } from './form-parts';
import { RetireDialog, type RetireTarget } from './retire-dialog';
import { retirableActionsColumn } from './row-actions';
import { StatusSelect } from './status-select';

const column = createColumnHelper<CredentialDto>();

export function CredentialsPanel({ params, onChange, canEdit }: CataloguePanelProps) {
  const format = useFormat();
  const { page, pageSize, q, type, status } = params;
  const credentials = useCredentials({ page, pageSize, q, type, status });
  const filtered = Boolean(q || type || status);
  /** The credential in the form; null for a new one. */
  const form = useDialog<CredentialDto | null>();
  const { open: openForm } = form;
  const retire = useDialog<RetireTarget>();
  const { open: openRetire } = retire;
  const reactivate = useReactivate('credential', 'Credential');

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
      ...(canEdit ? [retirableActionsColumn<CredentialDto>({ edit: openForm, retire: openRetire, reactivate })] : []),
    ],
    [format, canEdit, reactivate, openForm, openRetire],
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
          data={credentialTypeOptions}
          value={type ?? null}
          onChange={(value) => onChange({ type: (value as CredentialType | null) ?? undefined })}
          clearable
          w={{ base: '100%', sm: 220 }}
        />
        <StatusSelect value={status} onChange={(next) => onChange({ status: next })} />
        {canEdit ? (
          <Button ml={{ sm: 'auto' }} onClick={() => openForm(null)}>
            New credential
          </Button>
        ) : null}
      </Group>

      <CatalogueResults
        query={credentials}
        page={credentials.data ? { rows: credentials.data.items, total: credentials.data.total } : undefined}
        plural="credentials"
        columns={columns}
        caption="Credentials in the catalogue"
        getRowId={(credential) => String(credential.id)}
        minWidth={canEdit ? 1160 : 1000}
        empty={{
          title: filtered ? 'No credential matches these filters' : 'The credential catalogue is empty',
          description: filtered
            ? 'Try another search or clear the type and status filters.'
            : 'HR can add credentials or import them from a CSV.',
        }}
        params={params}
        onChange={onChange}
      />

      <FormDialog opened={form.opened} onClose={form.close} title={form.value ? `Edit “${form.value.name}”` : 'New credential'}>
        <CredentialForm key={form.key} credential={form.value} onDone={form.close} />
      </FormDialog>
      <RetireDialog
        kind="credential"
        noun="Credential"
        opened={retire.opened}
        target={retire.value}
        onClose={retire.close}
        consequence="It stays in the catalogue, marked Retired, and can no longer be assigned or added to clusters. Completions already earned still count towards people’s skills, and their expiry dates do not change."
      />
    </Stack>
  );
}
