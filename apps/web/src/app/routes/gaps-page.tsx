import type { GapSkillRowDto } from '@skillgrid/shared';
import { Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { endOfMonth } from '@skillgrid/shared';
import { useId, useMemo } from 'react';
import { CategoryBarChart } from '../../components/charts/category-bar-chart';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorState } from '../../components/ui/error-state';
import { ExportMenu } from '../../components/ui/export-menu';
import { useFormat } from '../../components/ui/format-context';
import { PaginationBar } from '../../components/ui/pagination-bar';
import { useGapReport } from '../../features/analytics/api/get-gap-report';
import { useHeatmap } from '../../features/analytics/api/get-heatmap';
import { AsOfInput } from '../../features/analytics/components/as-of-input';
import { FilterSelect } from '../../features/analytics/components/filter-select';
import { GapEmployeesTable } from '../../features/analytics/components/gap-employees-table';
import { GapSkillsChart } from '../../features/analytics/components/gap-skills-chart';
import { GAP_SCOPES, useGapUrlState } from '../../features/analytics/hooks/analytics-url-state';
import { gapPointsByGroup } from '../../features/analytics/utils/gap-totals';
import { exportDownload } from '../../features/exports/api/download-export';
import { useOrganisation } from '../../features/organisation/api/get-organisation';
import { useRoleOptions, useTeamOptions } from '../filter-options';
import { useCurrentUser } from '../guards/session';

const employeeHref = (id: number) => `/employees/${id}`;

/** A chart of every required skill would be hundreds of bars: the largest weighted gaps, critical first. */
const TOP_SKILLS = 25;
function largestGaps(skills: GapSkillRowDto[]): GapSkillRowDto[] {
  if (skills.length <= TOP_SKILLS) return skills;
  const top = new Set(
    [...skills]
      .sort((a, b) => (b.weightedGapPoints ?? -1) - (a.weightedGapPoints ?? -1))
      .slice(0, TOP_SKILLS)
      .map((skill) => skill.skillId),
  );
  return skills.filter((skill) => top.has(skill.skillId));
}

function ChartSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="xs" role="status" aria-live="polite">
      <VisuallyHidden>{label}</VisuallyHidden>
      <Skeleton height={20} width="40%" />
      <Skeleton height={220} radius="sm" />
    </Stack>
  );
}

/** Where a team or role falls short: gap points by skill and by team, and the people short. */
export function GapsPage() {
  useDocumentTitle('Gap report · Skillgrid');
  const user = useCurrentUser();
  const format = useFormat();
  const organisation = useOrganisation();
  const teams = useTeamOptions();
  const roles = useRoleOptions();
  const scopeLabel = useId();
  const { state, update } = useGapUrlState();
  const aggregateOnly = user.role === 'exec';
  const byTeam = state.scope === 'team';
  // Executives ask for month-ends only (DESIGN §3), even from a link shared by HR.
  const asOf = aggregateOnly && state.asOf ? endOfMonth(state.asOf) : state.asOf;

  const report = useGapReport({
    teamId: byTeam ? state.teamId : undefined,
    roleId: byTeam ? undefined : state.roleId,
    asOf,
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    order: state.order,
  });
  // Gap points by team: the heatmap's team groups (the chosen team's children), summed over skills.
  const teamsHeatmap = useHeatmap({ groupBy: 'team', teamId: state.teamId, includeSubteams: true, asOf }, { enabled: byTeam });
  const teamData = useMemo(() => (teamsHeatmap.data ? gapPointsByGroup(teamsHeatmap.data) : []), [teamsHeatmap.data]);

  const totalGap = report.data?.skills.reduce((sum, skill) => sum + (skill.gapPoints ?? 0), 0) ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={1} size="h2">
          Gap report
        </Title>
        <ExportMenu
          subject="the gap report"
          download={exportDownload('gaps', {
            teamId: byTeam ? state.teamId : undefined,
            roleId: byTeam ? undefined : state.roleId,
            asOf,
            sort: state.sort,
            order: state.order,
          })}
        />
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id={scopeLabel}>
            Report on
          </Text>
          <SegmentedControl
            aria-labelledby={scopeLabel}
            value={state.scope}
            onChange={(value) => update({ scope: value as (typeof GAP_SCOPES)[number] })}
            data={[
              { value: 'team', label: 'A team' },
              { value: 'role', label: 'A role' },
            ]}
          />
        </Stack>
        {byTeam ? (
          <FilterSelect
            label="Team"
            allLabel={user.role === 'manager' ? 'All my teams' : 'Whole organisation'}
            value={state.teamId}
            onChange={(teamId) => update({ teamId })}
            options={teams.options}
            loading={teams.loading}
          />
        ) : (
          <FilterSelect
            label="Role"
            allLabel="Every role"
            value={state.roleId}
            onChange={(roleId) => update({ roleId })}
            options={roles.options}
            loading={roles.loading}
          />
        )}
        <AsOfInput
          value={state.asOf}
          onChange={(asOf) => update({ asOf })}
          monthEndsOnly={aggregateOnly}
          max={organisation.data?.today}
        />
      </Group>

      {report.isPending ? (
        <ChartSkeleton label="Loading the gap report" />
      ) : report.isError && !report.data ? (
        <ErrorState
          error={report.error}
          title="Could not load the gap report"
          onRetry={() => void report.refetch()}
          retrying={report.isFetching}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {report.data.scope.name} · as of {format.date(report.data.asOf)} ·{' '}
            {report.data.headcount === null
              ? `fewer than ${format.settings.privacyMinGroup} people`
              : `${format.number(report.data.headcount)} people`}{' '}
            · {format.number(totalGap)} gap points over {report.data.skills.length} required{' '}
            {report.data.skills.length === 1 ? 'skill' : 'skills'}
          </Text>
          {report.data.suppressed ? (
            <EmptyState
              title="Withheld for privacy"
              description={`This group has fewer than ${format.settings.privacyMinGroup} people, so its figures are not shown.`}
            />
          ) : (
            <SimpleGrid cols={{ base: 1, lg: byTeam ? 2 : 1 }} spacing="md">
              <Paper withBorder radius="md" p="md">
                {report.data.skills.length === 0 ? (
                  <EmptyState
                    title="No required skills"
                    description="No role in this group requires a skill yet. HR sets role requirements in the catalogue."
                  />
                ) : (
                  <GapSkillsChart
                    skills={largestGaps(report.data.skills)}
                    title={
                      report.data.skills.length > TOP_SKILLS
                        ? `Gap points by skill: the ${TOP_SKILLS} largest of ${report.data.skills.length}`
                        : undefined
                    }
                  />
                )}
              </Paper>
              {byTeam ? (
                <Paper withBorder radius="md" p="md">
                  {teamsHeatmap.isPending ? (
                    <ChartSkeleton label="Loading gap points by team" />
                  ) : teamsHeatmap.isError ? (
                    <ErrorState
                      error={teamsHeatmap.error}
                      title="Could not load gap points by team"
                      onRetry={() => void teamsHeatmap.refetch()}
                      retrying={teamsHeatmap.isFetching}
                    />
                  ) : teamData.length === 0 ? (
                    <EmptyState title="No sub-teams" description="This team has no sub-teams to compare." />
                  ) : (
                    <CategoryBarChart
                      title="Gap points by team"
                      description={
                        state.teamId
                          ? 'The teams inside the team chosen, each with its sub-teams'
                          : 'Top-level teams, each with its sub-teams'
                      }
                      data={teamData}
                      valueLabel="Gap points"
                      categoryLabel="Team"
                      format={(value) => format.number(value)}
                    />
                  )}
                </Paper>
              ) : null}
            </SimpleGrid>
          )}

          {aggregateOnly ? (
            <Text size="sm" c="dimmed">
              Executives see aggregates only: the list of people short is not shown.
            </Text>
          ) : report.data.employeesNote ? (
            <Text size="sm" c="dimmed">
              {report.data.employeesNote}
            </Text>
          ) : report.data.employees ? (
            <Paper withBorder radius="md" p="md" component="section" aria-label="People short">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  People short of their role
                </Title>
                <GapEmployeesTable
                  employees={report.data.employees.items}
                  sort={state.sort}
                  order={state.order}
                  onSortChange={(sort, order) => update({ sort, order })}
                  employeeHref={employeeHref}
                  stale={report.isPlaceholderData}
                  empty={
                    <EmptyState
                      title="Nobody is short"
                      description="Everyone in this group meets every requirement of their role."
                    />
                  }
                />
                {report.data.employees.total > 0 ? (
                  <PaginationBar
                    page={state.page}
                    pageSize={state.pageSize}
                    total={report.data.employees.total}
                    noun="people"
                    onPageChange={(page) => update({ page })}
                    onPageSizeChange={(pageSize) => update({ pageSize })}
                  />
                ) : null}
              </Stack>
            </Paper>
          ) : null}
        </>
      )}
    </Stack>
  );
}

export default GapsPage;
