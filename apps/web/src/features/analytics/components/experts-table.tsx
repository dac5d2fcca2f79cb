import { Anchor, Text } from '@mantine/core';
import type { ExpertDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { useFormat } from '../../../components/ui/format-context';

interface ExpertsTableProps {
  experts: ExpertDto[];
  employeeHref: (id: number) => string;
  stale?: boolean;
  empty?: ReactNode;
}

const column = createColumnHelper<ExpertDto>();

/** People who hold a skill at a level or above, with where they sit and until when. */
export function ExpertsTable({ experts, employeeHref, stale, empty }: ExpertsTableProps) {
  const format = useFormat();
  const columns = useMemo(
    () => [
      column.accessor('name', {
        header: 'Name',
        cell: ({ row: { original } }) => (
          <Anchor component={Link} to={employeeHref(original.employeeId)} size="sm" fw={500}>
            {original.name}
          </Anchor>
        ),
        meta: { nowrap: true },
      }),
      column.accessor('level', { header: 'Level', cell: (info) => format.level(info.getValue()), meta: { nowrap: true } }),
      column.accessor('teamName', { header: 'Team' }),
      column.accessor('roleName', { header: 'Role' }),
      column.accessor('locationName', {
        header: 'Location',
        cell: (info) =>
          info.getValue() ?? (
            <Text c="dimmed" size="sm">
              Not set
            </Text>
          ),
      }),
      column.accessor('validUntil', {
        header: 'Held until',
        cell: (info) => (info.getValue() ? format.date(info.getValue()) : 'Does not expire'),
        meta: { nowrap: true },
      }),
    ],
    [format, employeeHref],
  );
  return (
    <DataTable
      data={experts}
      columns={columns}
      caption="People holding the skill at the level chosen or above"
      getRowId={(expert) => String(expert.employeeId)}
      minWidth={860}
      singleLineOnPhone
      stale={stale}
      empty={empty}
    />
  );
}
