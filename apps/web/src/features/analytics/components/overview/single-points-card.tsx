import { Group, List, Text } from '@mantine/core';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { useFormat } from '../../../../components/ui/format-context';
import { TableSkeleton } from '../../../../components/ui/table-skeleton';
import { useSinglePointsOfFailure } from '../../api/get-single-points-of-failure';
import { HoldersBadge, sortSinglePoints } from '../single-points-table';
import { OverviewCard } from './overview-card';

const SHOWN = 5;

/** The few skills most at risk (no cover first), with a link to the full list. */
export function SinglePointsCard({ teamId, href }: { teamId?: number; href: string }) {
  const format = useFormat();
  const points = useSinglePointsOfFailure({ teamId });
  const rows = points.data ? sortSinglePoints(points.data) : [];

  return (
    <OverviewCard title="Skills at risk" href={href} linkLabel="All single points of failure">
      {points.isPending ? (
        <TableSkeleton rows={SHOWN} label="Loading single points of failure" />
      ) : points.isError ? (
        <ErrorState
          error={points.error}
          title="Could not load single points of failure"
          onRetry={() => void points.refetch()}
          retrying={points.isFetching}
        />
      ) : rows.length === 0 ? (
        <EmptyState title="None" description="Every required skill is held by at least two people at the level needed." />
      ) : (
        <>
          <List spacing="xs" listStyleType="none" p={0} m={0}>
            {rows.slice(0, SHOWN).map((row) => (
              <List.Item key={`${row.teamId}:${row.skillId}`}>
                <Group gap="xs" wrap="wrap" justify="space-between">
                  <Text size="sm">
                    <Text component="span" fw={600} size="sm">
                      {row.skillName}
                    </Text>{' '}
                    in {row.teamName} (needs {format.level(row.requiredLevel)}
                    {row.weight === 3 ? ', critical' : ''})
                    {row.holderEmployees.length === 1 ? ` · ${row.holderEmployees[0].name}` : ''}
                  </Text>
                  <HoldersBadge holders={row.holders} minGroup={format.settings.privacyMinGroup} />
                </Group>
              </List.Item>
            ))}
          </List>
          {rows.length > SHOWN ? (
            <Text size="sm" c="dimmed">
              and {format.number(rows.length - SHOWN)} more
            </Text>
          ) : null}
        </>
      )}
    </OverviewCard>
  );
}
