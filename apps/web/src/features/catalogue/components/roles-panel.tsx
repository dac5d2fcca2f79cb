import { Button, Group, Stack, Text } from '@mantine/core';
import type { RoleDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import { SearchInput } from '../../../components/ui/search-input';
import { useRolePage } from '../api/get-roles';
import type { CataloguePanelProps } from '../hooks/use-catalogue-params';
import { useDialog } from '../hooks/use-dialog';
import { useReactivate } from '../hooks/use-reactivate';
import { CatalogueName } from './catalogue-name';
import { CatalogueResults } from './catalogue-results';
import { FormDialog } from './form-parts';
import { RetireDialog, type RetireTarget } from './retire-dialog';
import { RoleForm } from './role-form';
import { retirableActionsColumn } from './row-actions';
import { StatusSelect } from './status-select';

const column = createColumnHelper<RoleDto>();

export function RolesPanel({ params, onChange, canEdit }: CataloguePanelProps) {
  const format = useFormat();
  const { page, pageSize, q, status } = params;
  const roles = useRolePage({ page, pageSize, q, status });
  const filtered = Boolean(q || status);
  const form = useDialog<RoleDto | null>();
  const { open: openForm } = form;
  const retire = useDialog<RetireTarget>();
  const { open: openRetire } = retire;
  const reactivate = useReactivate('role', 'Role');

  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Role',
        cell: ({ row: { original } }) => <CatalogueName name={original.name} status={original.status} />,
      }),
      column.accessor('family', {
        header: 'Family',
        cell: (info) =>
          info.getValue() ?? (
            <Text size="sm" c="dimmed">
              None
            </Text>
          ),
      }),
      column.accessor('requirements', {
        header: 'Required skills',
        cell: (info) => {
          const requirements = info.getValue();
          if (requirements.length === 0)
            return (
              <Text size="sm" c="dimmed">
                None
              </Text>
            );
          return (
            <Text size="sm">
              {requirements
                .map(
                  (requirement) =>
                    `${requirement.skillName} (level ${requirement.requiredLevel}${requirement.weight === 3 ? ', critical' : ''})`,
                )
                .join(', ')}
            </Text>
          );
        },
      }),
      column.display({
        id: 'count',
        header: 'Skills',
        cell: ({ row: { original } }) => {
          const critical = original.requirements.filter((requirement) => requirement.weight === 3).length;
          return `${format.number(original.requirements.length)}${critical ? ` (${critical} critical)` : ''}`;
        },
        meta: { nowrap: true },
      }),
      ...(canEdit ? [retirableActionsColumn<RoleDto>({ edit: openForm, retire: openRetire, reactivate })] : []),
    ],
    [format, canEdit, openForm, openRetire, reactivate],
  );

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput
          label="Search roles"
          placeholder="Role name"
          value={q ?? ''}
          onSearch={(value) => onChange({ q: value || undefined }, { replace: true })}
          w={{ base: '100%', sm: 260 }}
        />
        <StatusSelect value={status} onChange={(next) => onChange({ status: next })} />
        {canEdit ? (
          <Button ml={{ sm: 'auto' }} onClick={() => openForm(null)}>
            New role
          </Button>
        ) : null}
      </Group>

      <CatalogueResults
        query={roles}
        page={roles.data ? { rows: roles.data.items, total: roles.data.total } : undefined}
        plural="roles"
        columns={columns}
        caption="Job roles and the skills they require"
        getRowId={(role) => String(role.id)}
        minWidth={canEdit ? 1000 : 860}
        empty={{
          title: filtered ? 'No role matches these filters' : 'There are no roles yet',
          description: filtered
            ? 'Try another search or clear the status filter.'
            : 'HR adds roles here or imports them from a CSV.',
        }}
        params={params}
        onChange={onChange}
      />

      <FormDialog
        opened={form.opened}
        onClose={form.close}
        title={form.value ? `Edit “${form.value.name}”` : 'New role'}
        size="xl"
      >
        <RoleForm key={form.key} role={form.value} onDone={form.close} />
      </FormDialog>
      <RetireDialog
        kind="role"
        noun="Role"
        opened={retire.opened}
        target={retire.value}
        onClose={retire.close}
        consequence="It stays listed, marked Retired. People already in the role keep it, and their readiness and gaps are still measured against its requirements; old completions still count."
      />
    </Stack>
  );
}
