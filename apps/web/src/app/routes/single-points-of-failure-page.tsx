import { Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorState } from '../../components/ui/error-state';
import { useFormat } from '../../components/ui/format-context';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { useCapabilityTargets } from '../../features/analytics/api/get-capability-targets';
import { useSinglePointsOfFailure } from '../../features/analytics/api/get-single-points-of-failure';
import { CapabilityTargetsTable } from '../../features/analytics/components/capability-targets-table';
import { FilterSelect } from '../../features/analytics/components/filter-select';
import { SinglePointsTable } from '../../features/analytics/components/single-points-table';
import { useTeamFilterUrlState } from '../../features/analytics/hooks/analytics-url-state';
import { useTeamOptions } from '../filter-options';
import { useCurrentUser } from '../guards/session';
import { canUsePage } from '../personas';

const employeeHref = (id: number) => `/employees/${id}`;

/** Skills that hang on one person (or nobody), and the teams' capability targets. */
export function SinglePointsOfFailurePage() {
  useDocumentTitle('Single points of failure · Skillgrid');
  const user = useCurrentUser();
  const format = useFormat();
  const teams = useTeamOptions();
  const { state, update } = useTeamFilterUrlState();
  const [noCoverOnly, setNoCoverOnly] = useState(false);
  const points = useSinglePointsOfFailure({ teamId: state.teamId });
  const targets = useCapabilityTargets({ teamId: state.teamId });
  const showNames = canUsePage(user, 'employees');

  const rows = (points.data ?? []).filter((row) => !noCoverOnly || row.holders === 0);
  const noCover = (points.data ?? []).filter((row) => row.holders === 0).length;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Single points of failure
      </Title>
      <Text size="sm" c="dimmed">
        Skills a team’s roles require where at most one person in the team (with its sub-teams) holds the level needed. “No cover”
        means nobody does.
        {showNames
          ? ''
          : ` Executives see no names; groups of fewer than ${format.settings.privacyMinGroup} people are withheld.`}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FilterSelect
          label="Team"
          allLabel={user.role === 'manager' ? 'All my teams' : 'Top-level teams'}
          value={state.teamId}
          onChange={(teamId) => update({ teamId })}
          options={teams.options}
          loading={teams.loading}
        />
        <Switch
          label="Only skills with no cover"
          checked={noCoverOnly}
          onChange={(event) => setNoCoverOnly(event.currentTarget.checked)}
          mb={8}
        />
      </Group>

      <Paper withBorder radius="md" p="md" component="section" aria-label="Single points of failure">
        <Stack gap="sm">
          <Group justify="space-between" align="baseline" wrap="wrap">
            <Title order={2} size="h4">
              Skills at risk
            </Title>
            {points.data ? (
              <Text size="sm" c="dimmed">
                {format.number(points.data.length)} at risk · {format.number(noCover)} with no cover
              </Text>
            ) : null}
          </Group>
          {points.isPending ? (
            <TableSkeleton label="Loading single points of failure" />
          ) : points.isError ? (
            <ErrorState
              error={points.error}
              title="Could not load single points of failure"
              onRetry={() => void points.refetch()}
              retrying={points.isFetching}
            />
          ) : (
            <SinglePointsTable
              rows={rows}
              employeeHref={showNames ? employeeHref : undefined}
              empty={
                <EmptyState
                  title={noCoverOnly ? 'Every skill at risk has one holder' : 'No single points of failure'}
                  description={
                    noCoverOnly
                      ? 'Nobody lacks cover entirely; turn off the switch to see the skills held by one person.'
                      : 'Every skill required here is held by at least two people at the level needed.'
                  }
                />
              }
            />
          )}
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="md" component="section" aria-label="Capability targets">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Capability targets
          </Title>
          {targets.isPending ? (
            <TableSkeleton rows={4} label="Loading capability targets" />
          ) : targets.isError ? (
            <ErrorState
              error={targets.error}
              title="Could not load capability targets"
              onRetry={() => void targets.refetch()}
              retrying={targets.isFetching}
            />
          ) : (
            <CapabilityTargetsTable
              targets={targets.data}
              empty={
                <EmptyState
                  title="No capability targets"
                  description="HR sets targets such as “3 people at level 4 in Payroll processing” per team."
                />
              }
            />
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

export default SinglePointsOfFailurePage;
