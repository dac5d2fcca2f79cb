import { Button, Group, Select, Stack, Text, type ComboboxItem } from '@mantine/core';
import type { ClusterDto, ClusterPurpose } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import { SearchInput } from '../../../components/ui/search-input';
import { useClusters } from '../api/get-clusters';
import type { CataloguePanelProps } from '../hooks/use-catalogue-params';
import { useDialog } from '../hooks/use-dialog';
import { useReactivate } from '../hooks/use-reactivate';
import { CLUSTER_PURPOSE_LABELS, clusterPurposeOptions } from '../utils/options';
import { CatalogueName } from './catalogue-name';
import { ClusterForm } from './cluster-form';
import { CatalogueResults } from './catalogue-results';
import { FormDialog } from './form-parts';
import { RetireDialog, type RetireTarget } from './retire-dialog';
import { retirableActionsColumn } from './row-actions';
import { StatusSelect } from './status-select';

const column = createColumnHelper<ClusterDto>();

interface ClustersPanelProps extends CataloguePanelProps {
  /** Every role, for the target role (the page knows them). */
  roleOptions: ComboboxItem[];
}

export function ClustersPanel({ params, onChange, canEdit, roleOptions }: ClustersPanelProps) {
  const format = useFormat();
  const { page, pageSize, q, purpose, status } = params;
  const clusters = useClusters({ page, pageSize, q, purpose, status });
  const filtered = Boolean(q || purpose || status);
  const form = useDialog<ClusterDto | null>();
  const { open: openForm } = form;
  const retire = useDialog<RetireTarget>();
  const { open: openRetire } = retire;
  const reactivate = useReactivate('cluster', 'Cluster');
  const roleName = useMemo(() => new Map(roleOptions.map((option) => [Number(option.value), option.label])), [roleOptions]);

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Cluster',
        cell: ({ row: { original } }) => <CatalogueName name={original.name} status={original.status} />,
      }),
      column.accessor('purpose', { header: 'Purpose', cell: (info) => CLUSTER_PURPOSE_LABELS[info.getValue()] }),
      column.accessor('targetRoleId', {
        header: 'Target role',
        cell: (info) => {
          const id = info.getValue();
          return id === null ? (
            <Text size="sm" c="dimmed">
              None
            </Text>
          ) : (
            (roleName.get(id) ?? `Role ${id}`)
          );
        },
      }),
      column.accessor('credentials', {
        header: 'Credentials, in order',
        cell: (info) => (
          <Text size="sm">
            {info
              .getValue()
              .map((item) => item.credentialName)
              .join(' → ')}
          </Text>
        ),
      }),
      column.accessor('skills', {
        header: 'Grants in total',
        cell: (info) => (
          <Text size="sm">
            {info
              .getValue()
              .map((skill) => `${skill.skillName} (${format.level(skill.level)})`)
              .join(', ')}
          </Text>
        ),
      }),
      column.accessor('totalHours', {
        header: 'Hours',
        cell: (info) => format.number(info.getValue(), 1),
        meta: { nowrap: true },
      }),
      column.accessor('totalCost', { header: 'Cost', cell: (info) => format.money(info.getValue()), meta: { nowrap: true } }),
      ...(canEdit ? [retirableActionsColumn<ClusterDto>({ edit: openForm, retire: openRetire, reactivate })] : []),
    ],
    [format, canEdit, roleName, openForm, openRetire, reactivate],
  );

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput
          label="Search clusters"
          placeholder="Cluster name"
          value={q ?? ''}
          onSearch={(value) => onChange({ q: value || undefined }, { replace: true })}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label="Purpose"
          placeholder="All purposes"
          data={clusterPurposeOptions}
          value={purpose ?? null}
          onChange={(value) => onChange({ purpose: (value as ClusterPurpose | null) ?? undefined })}
          clearable
          w={{ base: '100%', sm: 180 }}
        />
        <StatusSelect value={status} onChange={(next) => onChange({ status: next })} />
        {canEdit ? (
          <Button ml={{ sm: 'auto' }} onClick={() => openForm(null)}>
            New cluster
          </Button>
        ) : null}
      </Group>

      <CatalogueResults
        query={clusters}
        page={clusters.data ? { rows: clusters.data.items, total: clusters.data.total } : undefined}
        plural="clusters"
        columns={columns}
        caption="Credential clusters"
        getRowId={(cluster) => String(cluster.id)}
        minWidth={canEdit ? 1100 : 940}
        empty={{
          title: filtered ? 'No cluster matches these filters' : 'There are no clusters yet',
          description: filtered
            ? 'Try another search or clear the purpose and status filters.'
            : 'A cluster bundles credentials in order, for a role, a career goal or cross-skilling.',
        }}
        params={params}
        onChange={onChange}
      />

      <FormDialog
        opened={form.opened}
        onClose={form.close}
        title={form.value ? `Edit “${form.value.name}”` : 'New cluster'}
        size="xl"
      >
        <ClusterForm key={form.key} cluster={form.value} roleOptions={roleOptions} onDone={form.close} />
      </FormDialog>
      <RetireDialog
        kind="cluster"
        noun="Cluster"
        opened={retire.opened}
        target={retire.value}
        onClose={retire.close}
        consequence="It stays listed, marked Retired, and is no longer offered for new assignments. Assignments already made from it keep their progress, and completions of its credentials still count."
      />
    </Stack>
  );
}
