import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';
import type { GapSkillRowDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../../../components/ui/data-table';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { useFormat } from '../../../../components/ui/format-context';
import { Suppressed } from '../../../../components/ui/suppressed';
import { GapSkillsChart } from '../gap-skills-chart';
import { OverviewCard } from './overview-card';

interface TopGapsCardProps {
  gaps: GapSkillRowDto[] | undefined;
  pending: boolean;
  error: unknown;
  onRetry: () => void;
  href: string;
}

const column = createColumnHelper<GapSkillRowDto>();

/** The skills furthest short of the requirements: a bar chart and the figures behind it. */
export function TopGapsCard({ gaps, pending, error, onRetry, href }: TopGapsCardProps) {
  const format = useFormat();
  const minGroup = format.settings.privacyMinGroup;
  const columns = useMemo(() => {
    const withheld = (value: number | null, show: (value: number) => string) =>
      value === null ? <Suppressed minGroup={minGroup} label="withheld" /> : show(value);
    return [
      column.accessor('skillName', { header: 'Skill' }),
      column.accessor('weight', { header: 'Weight', cell: (info) => `${info.getValue()} of 3` }),
      column.accessor('requiredLevel', {
        header: 'Needs',
        cell: (info) => format.level(info.getValue()),
        meta: { nowrap: true },
      }),
      column.accessor('coverage', { header: 'Coverage', cell: (info) => withheld(info.getValue(), format.percent) }),
      column.accessor('gapPoints', {
        header: 'Gap points',
        cell: (info) => withheld(info.getValue(), (value) => format.number(value)),
      }),
    ];
  }, [format, minGroup]);

  return (
    <OverviewCard title="Top gaps" href={href} linkLabel="Gap report">
      {pending ? (
        <Stack gap="xs" role="status">
          <VisuallyHidden>Loading the top gaps</VisuallyHidden>
          <Skeleton height={200} radius="sm" />
        </Stack>
      ) : gaps === undefined ? (
        <ErrorState error={error} title="Could not load the top gaps" onRetry={onRetry} />
      ) : gaps.length === 0 ? (
        <EmptyState
          title="No gaps"
          description="Everyone meets every requirement of their role, or no role has requirements yet."
        />
      ) : (
        <Stack gap="md">
          <GapSkillsChart skills={gaps} title="Gap points of the top gaps" />
          <DataTable
            data={gaps}
            columns={columns}
            caption="Top gaps with weight, level needed and coverage"
            getRowId={(gap) => String(gap.skillId)}
            minWidth={520}
            singleLineOnPhone
          />
        </Stack>
      )}
    </OverviewCard>
  );
}
