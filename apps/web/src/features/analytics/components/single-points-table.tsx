import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { SinglePointOfFailureDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { useFormat } from '../../../components/ui/format-context';
import { Suppressed } from '../../../components/ui/suppressed';

interface SinglePointsTableProps {
  rows: SinglePointOfFailureDto[];
  /** Where a holder's name links to; no "who" column when undefined (executives see no names). */
  employeeHref?: (id: number) => string;
  caption?: string;
  empty?: ReactNode;
}

const column = createColumnHelper<SinglePointOfFailureDto>();
const rowId = (row: SinglePointOfFailureDto) => `${row.teamId}:${row.skillId}`;

/** No cover first, then one holder; critical skills before others. */
export function sortSinglePoints(rows: SinglePointOfFailureDto[]): SinglePointOfFailureDto[] {
  return [...rows].sort(
    (a, b) =>
      (a.holders ?? Number.MAX_SAFE_INTEGER) - (b.holders ?? Number.MAX_SAFE_INTEGER) ||
      b.weight - a.weight ||
      a.teamName.localeCompare(b.teamName) ||
      a.skillName.localeCompare(b.skillName),
  );
}

export function HoldersBadge({ holders, minGroup }: { holders: number | null; minGroup: number }) {
  if (holders === null) return <Suppressed minGroup={minGroup} />;
  if (holders === 0)
    return (
      <Badge color="red" variant="filled" tt="none">
        No cover
      </Badge>
    );
  return (
    <Badge color="orange" variant="light" tt="none">
      {holders === 1 ? 'One holder' : `${holders} holders`}
    </Badge>
  );
}

/** Skills a team needs that at most one of its people holds at the level required. */
export function SinglePointsTable({ rows, employeeHref, caption = 'Single points of failure', empty }: SinglePointsTableProps) {
  const format = useFormat();
  const minGroup = format.settings.privacyMinGroup;
  const sorted = useMemo(() => sortSinglePoints(rows), [rows]);
  const columns = useMemo(
    () => [
      column.accessor('teamName', { header: 'Team' }),
      column.accessor('skillName', {
        header: 'Skill',
        cell: ({ row: { original } }) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{original.skillName}</Text>
            {original.weight === 3 ? (
              <Badge size="xs" color="red" variant="outline" tt="none" style={{ flexShrink: 0 }}>
                Critical
              </Badge>
            ) : null}
          </Group>
        ),
      }),
      column.accessor('requiredLevel', {
        header: 'Level needed',
        cell: (info) => format.level(info.getValue()),
        meta: { nowrap: true },
      }),
      column.accessor('holders', {
        header: 'Holders',
        cell: (info) => <HoldersBadge holders={info.getValue()} minGroup={minGroup} />,
      }),
      ...(employeeHref
        ? [
            column.display({
              id: 'who',
              header: 'Who',
              cell: ({ row: { original } }) =>
                original.holderEmployees.length > 0 ? (
                  <Group gap={6} wrap="wrap">
                    {original.holderEmployees.map((employee) => (
                      <Anchor key={employee.id} component={Link} to={employeeHref(employee.id)} size="sm">
                        {employee.name}
                      </Anchor>
                    ))}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    Nobody
                  </Text>
                ),
            }),
          ]
        : []),
      column.accessor('required', {
        header: 'People who need it',
        cell: (info) => (info.getValue() === null ? <Suppressed minGroup={minGroup} /> : format.number(info.getValue())),
      }),
    ],
    [format, minGroup, employeeHref],
  );

  return (
    <DataTable
      data={sorted}
      columns={columns}
      caption={caption}
      getRowId={rowId}
      minWidth={employeeHref ? 860 : 720}
      empty={empty}
    />
  );
}
