import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ErrorState } from '../../components/ui/error-state';
import { useFormat } from '../../components/ui/format-context';
import { useOverview } from '../../features/analytics/api/get-overview';
import { FilterSelect } from '../../features/analytics/components/filter-select';
import { ExpiringCard } from '../../features/analytics/components/overview/expiring-card';
import { OverviewStats, OverviewStatsSkeleton } from '../../features/analytics/components/overview/overview-stats';
import { SinglePointsCard } from '../../features/analytics/components/overview/single-points-card';
import { TopGapsCard } from '../../features/analytics/components/overview/top-gaps-card';
import { TrendCard } from '../../features/analytics/components/overview/trend-card';
import { useOverviewUrlState } from '../../features/analytics/hooks/analytics-url-state';
import { useOrganisation } from '../../features/organisation/api/get-organisation';
import { useTeamOptions } from '../filter-options';
import { useCurrentUser } from '../guards/session';

/** The home of HR, managers and executives: headline figures, top gaps, risks, expiries, trend. */
export function OverviewPage() {
  useDocumentTitle('Overview · Skillgrid');
  const user = useCurrentUser();
  const format = useFormat();
  const organisation = useOrganisation();
  const teams = useTeamOptions();
  const { state, update } = useOverviewUrlState();
  const overview = useOverview({ teamId: state.teamId });
  // A manager's trend follows their (first) team unless they choose one.
  const trendTeamId = state.teamId ?? (user.role === 'manager' ? user.managedTeamIds[0] : undefined);
  const search = state.teamId ? `?teamId=${state.teamId}` : '';
  const scopeName =
    overview.data?.team?.name ??
    (user.role === 'manager' ? 'All the teams you manage' : (organisation.data?.name ?? 'The organisation'));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1} size="h2">
            Overview
          </Title>
          <Text size="sm" c="dimmed">
            {scopeName}
            {overview.data ? ` · as of ${format.date(overview.data.asOf)}` : ''}
          </Text>
        </Stack>
        <FilterSelect
          label="Team"
          allLabel={user.role === 'manager' ? 'All my teams' : 'Whole organisation'}
          value={state.teamId}
          onChange={(teamId) => update({ teamId, skillId: undefined })}
          options={teams.options}
          loading={teams.loading}
        />
      </Group>

      {overview.isPending ? (
        <OverviewStatsSkeleton />
      ) : overview.isError && !overview.data ? (
        <ErrorState
          error={overview.error}
          title="Could not load the headline figures"
          onRetry={() => void overview.refetch()}
          retrying={overview.isFetching}
        />
      ) : (
        <OverviewStats overview={overview.data} search={search} />
      )}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <TopGapsCard
          gaps={overview.data?.topGaps}
          pending={overview.isPending}
          error={overview.error}
          onRetry={() => void overview.refetch()}
          href={`/gaps${search}`}
        />
        <TrendCard
          teamId={trendTeamId}
          skillId={state.skillId}
          skills={overview.data?.topGaps ?? []}
          skillsPending={overview.isPending}
          onSkillChange={(skillId) => update({ skillId }, { replace: true })}
        />
        <SinglePointsCard teamId={state.teamId} href={`/single-points-of-failure${search}`} />
        <ExpiringCard teamId={state.teamId} href={`/expiring${search}`} />
      </SimpleGrid>
    </Stack>
  );
}

export default OverviewPage;
