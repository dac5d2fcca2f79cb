import { Badge, Group, Text } from '@mantine/core';
import { daysBetween } from '@skillgrid/shared';
import type { IsoDate, ProfileSkillDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { EmptyState } from '../../../components/ui/empty-state';
import { useFormat } from '../../../components/ui/format-context';

const column = createColumnHelper<ProfileSkillDto>();
const EXPIRY_WARNING_DAYS = 90;

export function ProfileSkillsTable({ skills, asOf }: { skills: ProfileSkillDto[]; asOf: IsoDate }) {
  const format = useFormat();
  const columns = useMemo(
    () => [
      column.accessor('skillName', { header: 'Skill' }),
      column.accessor('category', { header: 'Category' }),
      column.accessor('kind', { header: 'Kind', cell: (info) => (info.getValue() === 'hard' ? 'Hard' : 'Soft') }),
      column.accessor('level', { header: 'Level', cell: (info) => format.level(info.getValue()), meta: { nowrap: true } }),
      column.accessor('expiresAt', {
        header: 'Expires',
        cell: (info) => {
          const expiresAt = info.getValue();
          if (!expiresAt)
            return (
              <Text size="sm" c="dimmed">
                Never
              </Text>
            );
          const days = daysBetween(asOf, expiresAt);
          return (
            <Group gap={6} wrap="nowrap">
              <Text size="sm">{format.date(expiresAt)}</Text>
              {days >= 0 && days <= EXPIRY_WARNING_DAYS ? (
                <Badge size="xs" color="yellow" variant="light" tt="none">
                  in {days} day{days === 1 ? '' : 's'}
                </Badge>
              ) : null}
            </Group>
          );
        },
        meta: { nowrap: true },
      }),
      column.accessor('credentials', {
        header: 'From credentials',
        cell: (info) =>
          info
            .getValue()
            .map((credential) => credential.name)
            .join(', ') || '–',
      }),
    ],
    [format, asOf],
  );

  return (
    <DataTable
      data={skills}
      columns={columns}
      caption="Skills held, with level and expiry"
      getRowId={(skill) => String(skill.skillId)}
      minWidth={760}
      singleLineOnPhone
      empty={
        <EmptyState
          title="No skills recorded yet"
          description="Skills come from valid credential completions. None count on this date: import completions or upload a badge."
        />
      }
    />
  );
}
