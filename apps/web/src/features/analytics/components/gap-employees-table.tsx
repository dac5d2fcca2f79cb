import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { GapEmployeeRowDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { useFormat } from '../../../components/ui/format-context';
import type { GapSort, SortOrder } from '../api/keys';

interface GapEmployeesTableProps {
  employees: GapEmployeeRowDto[];
  sort: GapSort;
  order: SortOrder;
  onSortChange: (sort: GapSort, order: SortOrder) => void;
  employeeHref: (id: number) => string;
  stale?: boolean;
  empty?: ReactNode;
}

const column = createColumnHelper<GapEmployeeRowDto>();
const SORTABLE: readonly string[] = ['name', 'readiness', 'gapPoints', 'weightedGapPoints'] satisfies GapSort[];

/** People short of their role's requirements, sorted by the server (sort and order in the URL). */
export function GapEmployeesTable({ employees, sort, order, onSortChange, employeeHref, stale, empty }: GapEmployeesTableProps) {
  const format = useFormat();
  const columns = useMemo(() => {
    return [
      column.accessor('name', {
        header: 'Name',
        cell: ({ row: { original } }) => (
          <Anchor component={Link} to={employeeHref(original.employeeId)} size="sm" fw={500}>
            {original.name}
          </Anchor>
        ),
        meta: { nowrap: true },
      }),
      column.accessor('teamName', { header: 'Team', enableSorting: false }),
      column.accessor('roleName', { header: 'Role', enableSorting: false }),
      column.accessor('readiness', {
        header: 'Readiness',
        cell: (info) => format.percent(info.getValue()),
        meta: { nowrap: true },
      }),
      column.accessor('gapPoints', { header: 'Gap points', cell: (info) => format.number(info.getValue()) }),
      column.accessor('weightedGapPoints', { header: 'Weighted', cell: (info) => format.number(info.getValue()) }),
      column.display({
        id: 'gaps',
        header: 'Short in',
        cell: ({ row: { original } }) => (
          <Group gap={4} wrap="wrap">
            {original.gaps
              .filter((gap) => gap.gapPoints > 0)
              .map((gap) => (
                <Badge
                  key={gap.skillId}
                  size="sm"
                  variant={gap.weight === 3 ? 'outline' : 'light'}
                  color={gap.weight === 3 ? 'red' : 'gray'}
                  tt="none"
                >
                  {gap.skillName}: {gap.currentLevel} → {gap.requiredLevel}
                  {gap.weight === 3 ? ' (critical)' : ''}
                </Badge>
              ))}
          </Group>
        ),
      }),
    ];
  }, [employeeHref, format]);

  return (
    <>
      <DataTable
        data={employees}
        columns={columns}
        caption="People short of their role's requirements"
        getRowId={(row) => String(row.employeeId)}
        minWidth={960}
        stale={stale}
        empty={empty}
        sorting={{ id: sort, desc: order === 'desc' }}
        onSortingChange={(next) => {
          if (SORTABLE.includes(next.id)) onSortChange(next.id as GapSort, next.desc ? 'desc' : 'asc');
        }}
      />
      <Text size="xs" c="dimmed">
        Levels shown as current → required; sorted on the server across every page.
      </Text>
    </>
  );
}
