import { Badge, Group, Text } from '@mantine/core';
import type { ProfileGapDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { EmptyState } from '../../../components/ui/empty-state';
import { useFormat } from '../../../components/ui/format-context';

const column = createColumnHelper<ProfileGapDto>();

function LevelText({ children }: { children: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Text>
  );
}
const CRITICAL_WEIGHT = 3;

/** Every requirement of a role, met ones with 0 gap points; critical ones marked in words. */
export function GapsTable({ gaps, caption }: { gaps: ProfileGapDto[]; caption: string }) {
  const format = useFormat();
  const columns = useMemo(
    () => [
      column.accessor('skillName', {
        header: 'Skill',
        cell: ({ row: { original } }) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{original.skillName}</Text>
            {original.weight === CRITICAL_WEIGHT ? (
              <Badge size="xs" color="red" variant="outline" tt="none" style={{ flexShrink: 0 }}>
                Critical
              </Badge>
            ) : null}
          </Group>
        ),
      }),
      column.accessor('requiredLevel', {
        header: 'Required',
        cell: (info) => <LevelText>{format.level(info.getValue())}</LevelText>,
      }),
      column.accessor('currentLevel', {
        header: 'Current',
        cell: (info) => <LevelText>{format.level(info.getValue())}</LevelText>,
      }),
      column.accessor('gapPoints', {
        header: 'Gap points',
        cell: (info) => (
          <Text size="sm" fw={info.getValue() > 0 ? 600 : 400}>
            {info.getValue()}
          </Text>
        ),
      }),
      column.accessor('weight', { header: 'Weight', cell: (info) => `${info.getValue()} of 3` }),
      column.display({
        id: 'status',
        header: 'Status',
        cell: ({ row: { original } }) =>
          original.gapPoints === 0 ? (
            <Badge color="teal" variant="light" tt="none">
              ✓ Met
            </Badge>
          ) : (
            <Badge color="orange" variant="light" tt="none">
              Short by {original.gapPoints}
            </Badge>
          ),
      }),
    ],
    [format],
  );

  return (
    <DataTable
      data={gaps}
      columns={columns}
      caption={caption}
      getRowId={(gap) => String(gap.skillId)}
      minWidth={640}
      singleLineOnPhone
      empty={
        <EmptyState title="No requirements" description="This role has no required skills, so there is nothing to compare." />
      }
    />
  );
}
