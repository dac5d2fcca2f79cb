import { Anchor, Breadcrumbs, Group, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { endOfMonth } from '@skillgrid/shared';
import type { HeatmapGroupDto } from '@skillgrid/shared';
import { useCallback } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorState } from '../../components/ui/error-state';
import { ExportMenu } from '../../components/ui/export-menu';
import { useFormat } from '../../components/ui/format-context';
import { useHeatmap } from '../../features/analytics/api/get-heatmap';
import { HeatmapFilters } from '../../features/analytics/components/heatmap-filters';
import { SkillsHeatmap } from '../../features/analytics/components/skills-heatmap';
import { useHeatmapUrlState } from '../../features/analytics/hooks/analytics-url-state';
import { heatmapHref, matrixHref } from '../../features/analytics/utils/links';
import { exportDownload } from '../../features/exports/api/download-export';
import { useOrganisation } from '../../features/organisation/api/get-organisation';
import { useAllTeams } from '../../features/teams/api/get-teams';
import { teamPath } from '../../features/teams/utils/team-tree';
import { useCategoryOptions } from '../filter-options';
import { useCurrentUser } from '../guards/session';
import { canUsePage } from '../personas';

/** Groups × skills, drilling down from the top-level teams to a team's people. */
export function HeatmapPage() {
  useDocumentTitle('Skills heatmap · Skillgrid');
  const user = useCurrentUser();
  const format = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const organisation = useOrganisation();
  const teams = useAllTeams();
  const categories = useCategoryOptions();
  const { state, update } = useHeatmapUrlState();
  const aggregateOnly = user.role === 'exec';
  const canOpenMatrix = canUsePage(user, 'matrix');
  const { groupBy, teamId, category, kind, metric, level } = state;
  // Executives take whole sub-trees and month-end dates only (DESIGN §3), even from a shared link.
  const includeSubteams = aggregateOnly || state.includeSubteams;
  const asOf = aggregateOnly && state.asOf ? endOfMonth(state.asOf) : state.asOf;
  const heatmap = useHeatmap({ groupBy, teamId, includeSubteams, asOf, category, kind });

  const drillLabel = useCallback(
    (group: HeatmapGroupDto) => {
      if (groupBy !== 'team' || group.suppressed) return null;
      if (group.hasChildren && !group.direct) return `Show the teams in ${group.name}`;
      return canOpenMatrix ? `Show people × skills of ${group.name}` : null;
    },
    [groupBy, canOpenMatrix],
  );
  const onDrill = useCallback(
    (group: HeatmapGroupDto) => {
      if (group.hasChildren && !group.direct) update({ teamId: group.id });
      else navigate(matrixHref(group.id, { asOf, category, kind, includeSubteams: !group.direct }));
    },
    [update, navigate, asOf, category, kind],
  );

  const rootLabel = user.role === 'manager' ? 'My teams' : 'All teams';
  const path = teamId
    ? teamPath(teams.data ?? [], teamId).map((team) => ({ id: team.id, name: team.name }))
    : ([] as Array<{ id: number; name: string }>);
  if (teamId && path.length === 0 && heatmap.data?.team?.id === teamId) path.push(heatmap.data.team);
  const crumbHref = (id: number | undefined) => heatmapHref(location.search, id);

  const empty = heatmap.data && (heatmap.data.groups.length === 0 || heatmap.data.skills.length === 0);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1} size="h2">
          Skills heatmap
        </Title>
        <ExportMenu
          subject="the heatmap"
          download={exportDownload('heatmap', { groupBy, teamId, includeSubteams, asOf, category, kind })}
        />
      </Group>
      <nav aria-label="Breadcrumb">
        <Breadcrumbs>
          {teamId ? (
            <Anchor component={Link} to={crumbHref(undefined)} size="sm">
              {rootLabel}
            </Anchor>
          ) : (
            <Text size="sm" aria-current="page">
              {rootLabel}
            </Text>
          )}
          {path.map((team, index) =>
            index === path.length - 1 ? (
              <Text key={team.id} size="sm" aria-current="page">
                {team.name}
              </Text>
            ) : (
              <Anchor key={team.id} component={Link} to={crumbHref(team.id)} size="sm">
                {team.name}
              </Anchor>
            ),
          )}
        </Breadcrumbs>
      </nav>
      <Text size="sm" c="dimmed">
        {groupBy === 'team'
          ? `Each row is a team${includeSubteams ? ' with its sub-teams' : ''}. Select a team to drill down${canOpenMatrix ? ' to its sub-teams, then to its people' : ' to its sub-teams'}; arrow keys move between cells.`
          : `Each row is a ${groupBy}${teamId ? ' within the team chosen' : ''}.`}
        {aggregateOnly ? ` Groups of fewer than ${format.settings.privacyMinGroup} people are withheld for privacy.` : ''}
      </Text>

      <HeatmapFilters
        values={{ groupBy, includeSubteams, asOf, category, kind }}
        onChange={(changes) => update(changes)}
        categoryOptions={categories.options}
        categoriesLoading={categories.loading}
        aggregateOnly={aggregateOnly}
        today={organisation.data?.today}
      />

      {heatmap.isPending ? (
        <Stack gap="xs" role="status" aria-live="polite">
          <VisuallyHidden>Loading the heatmap</VisuallyHidden>
          <Skeleton height={40} radius="sm" />
          <Skeleton height={360} radius="sm" />
        </Stack>
      ) : heatmap.isError && !heatmap.data ? (
        <ErrorState
          error={heatmap.error}
          title="Could not load the heatmap"
          onRetry={() => void heatmap.refetch()}
          retrying={heatmap.isFetching}
        />
      ) : empty ? (
        <EmptyState
          title={heatmap.data.groups.length === 0 ? 'No groups to show' : 'No skills match these filters'}
          description={
            heatmap.data.groups.length === 0
              ? user.role === 'manager'
                ? 'The teams you manage have no members on record yet.'
                : 'There are no active people in this part of the organisation on this date.'
              : 'Choose another skill category or kind, or clear the filters.'
          }
        />
      ) : (
        <Paper
          withBorder
          radius="md"
          p="md"
          aria-busy={heatmap.isPlaceholderData || undefined}
          style={{ opacity: heatmap.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}
        >
          <SkillsHeatmap
            heatmap={heatmap.data}
            metric={metric}
            level={level}
            onMetricChange={(next) => update({ metric: next }, { replace: true })}
            onLevelChange={(next) => update({ level: next }, { replace: true })}
            drillLabel={drillLabel}
            onDrill={onDrill}
          />
        </Paper>
      )}
    </Stack>
  );
}

export default HeatmapPage;
