import { Button, Group, Skeleton, Stack, Text, VisuallyHidden, type ComboboxItem } from '@mantine/core';
import type { ClusterRecommendationDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { useFormat } from '../../../components/ui/format-context';
import { useTeamClusterRecommendations } from '../api/get-team-cluster-recommendations';
import { FilterSelect } from './filter-select';

const column = createColumnHelper<ClusterRecommendationDto & { rank: number }>();

const PURPOSE_LABELS: Record<ClusterRecommendationDto['purpose'], string> = {
  role: 'Role',
  career_goal: 'Career goal',
  cross_skilling: 'Cross-skilling',
};

interface TeamClusterRecommendationsProps {
  teamId: number | undefined;
  onTeamChange: (teamId: number | undefined) => void;
  teamOptions: ComboboxItem[];
  teamsLoading?: boolean;
  onAssign: (cluster: ClusterRecommendationDto, teamId: number) => void;
}

/** Clusters ranked by the team's weighted gap points they close per hour, each one click from assigning. */
export function TeamClusterRecommendations({
  teamId,
  onTeamChange,
  teamOptions,
  teamsLoading,
  onAssign,
}: TeamClusterRecommendationsProps) {
  const format = useFormat();
  const recommendations = useTeamClusterRecommendations(teamId);
  const rows = useMemo(
    () => (recommendations.data?.items ?? []).map((item, index) => ({ ...item, rank: index + 1 })),
    [recommendations.data],
  );

  const columns = useMemo(
    () => [
      column.accessor('rank', { header: '#', meta: { nowrap: true } }),
      column.accessor('name', {
        header: 'Cluster',
        cell: ({ row: { original } }) => (
          <Stack gap={0}>
            <Text size="sm">{original.name}</Text>
            <Text size="xs" c="dimmed">
              {PURPOSE_LABELS[original.purpose] ?? original.purpose}
            </Text>
          </Stack>
        ),
      }),
      column.accessor('weightedGapPointsClosed', {
        header: 'Gap points closed',
        cell: (info) => format.number(info.getValue(), 1),
      }),
      column.accessor('perHour', {
        header: 'Per hour',
        cell: (info) => format.number(info.getValue(), 2),
        meta: { nowrap: true },
      }),
      column.accessor('people', { header: 'People helped', cell: (info) => format.number(info.getValue()) }),
      column.accessor('totalHours', { header: 'Hours', cell: (info) => format.number(info.getValue(), 1) }),
      column.accessor('totalCost', {
        header: 'Cost per person',
        cell: (info) => format.money(info.getValue()),
        meta: { nowrap: true },
      }),
      column.display({
        id: 'assign',
        header: () => <VisuallyHidden>Assign</VisuallyHidden>,
        cell: ({ row: { original } }) =>
          teamId ? (
            <Button
              size="xs"
              variant="light"
              onClick={() => onAssign(original, teamId)}
              aria-label={`Assign ${original.name} to the team`}
            >
              Assign to team
            </Button>
          ) : null,
      }),
    ],
    [format, teamId, onAssign],
  );

  const data = recommendations.data;
  return (
    <Stack gap="sm">
      <FilterSelect
        label="Team"
        placeholder="Choose a team"
        value={teamId}
        onChange={onTeamChange}
        options={teamOptions}
        loading={teamsLoading}
      />
      {teamId === undefined ? (
        <Text size="sm" c="dimmed">
          Choose a team to see which clusters would close most of its gaps for the hours they take.
        </Text>
      ) : recommendations.isPending ? (
        <Stack gap="xs" role="status" aria-live="polite">
          <VisuallyHidden>Loading recommended clusters</VisuallyHidden>
          <Skeleton height={24} />
          <Skeleton height={24} />
          <Skeleton height={24} />
        </Stack>
      ) : recommendations.isError ? (
        <ErrorState
          error={recommendations.error}
          title="Could not rank clusters for this team"
          onRetry={() => void recommendations.refetch()}
          retrying={recommendations.isFetching}
        />
      ) : data ? (
        <>
          <Group gap="md">
            <Text size="sm" c="dimmed">
              {data.team.name}: {format.number(data.headcount)} people, {format.number(data.weightedGapPoints, 1)} weighted gap
              points to their roles, as of {format.date(data.asOf)}.
            </Text>
          </Group>
          <DataTable
            data={rows}
            columns={columns}
            caption={`Clusters recommended for ${data.team.name}`}
            getRowId={(row) => String(row.clusterId)}
            minWidth={820}
            empty={
              <EmptyState
                title={data.weightedGapPoints === 0 ? 'This team has no gaps' : 'No cluster closes these gaps'}
                description={
                  data.weightedGapPoints === 0
                    ? 'Everyone meets the requirements of their role.'
                    : 'No active cluster grants the skills this team is short of. HR can build one in the catalogue.'
                }
              />
            }
          />
        </>
      ) : null}
    </Stack>
  );
}
