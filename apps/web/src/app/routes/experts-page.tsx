import { Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { MAX_LEVEL } from '@skillgrid/shared';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorState } from '../../components/ui/error-state';
import { useFormat } from '../../components/ui/format-context';
import { PaginationBar } from '../../components/ui/pagination-bar';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { useExperts } from '../../features/analytics/api/get-experts';
import { ExpertsTable } from '../../features/analytics/components/experts-table';
import { FilterSelect } from '../../features/analytics/components/filter-select';
import { useExpertUrlState } from '../../features/analytics/hooks/analytics-url-state';
import { useLocationOptions, useRoleOptions, useSkillOptions, useTeamOptions } from '../filter-options';

const employeeHref = (id: number) => `/employees/${id}`;

/** Who can do X: people holding a skill at a minimum level, narrowed by team, role or location. */
export function ExpertsPage() {
  useDocumentTitle('Expert finder · Skillgrid');
  const format = useFormat();
  const skills = useSkillOptions();
  const teams = useTeamOptions();
  const roles = useRoleOptions();
  const locations = useLocationOptions();
  const { state, update } = useExpertUrlState();
  const experts = useExperts(state);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Expert finder
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FilterSelect
          label="Skill"
          allLabel="Choose a skill"
          placeholder="Choose a skill"
          value={state.skillId}
          onChange={(skillId) => update({ skillId })}
          options={skills.options}
          loading={skills.loading}
          required
          w={260}
        />
        <Select
          label="Minimum level"
          data={Array.from({ length: MAX_LEVEL }, (_, index) => ({
            value: String(index + 1),
            label: format.level(index + 1),
          }))}
          value={String(state.minLevel)}
          onChange={(value) => update({ minLevel: Number(value ?? 3) })}
          allowDeselect={false}
          w={{ base: '100%', sm: 190 }}
        />
        <FilterSelect
          label="Team"
          allLabel="All teams"
          value={state.teamId}
          onChange={(teamId) => update({ teamId })}
          options={teams.options}
          loading={teams.loading}
          w={220}
        />
        <FilterSelect
          label="Role"
          allLabel="All roles"
          value={state.roleId}
          onChange={(roleId) => update({ roleId })}
          options={roles.options}
          loading={roles.loading}
          w={200}
        />
        <FilterSelect
          label="Location"
          allLabel="All locations"
          value={state.locationId}
          onChange={(locationId) => update({ locationId })}
          options={locations.options}
          loading={locations.loading}
          w={180}
        />
      </Group>

      {state.skillId === undefined ? (
        <EmptyState
          title="Choose a skill to find its experts"
          description="Pick the skill and the minimum level; narrow by team, role or location if you need to."
        />
      ) : experts.isPending ? (
        <TableSkeleton label="Finding experts" />
      ) : experts.isError && !experts.data ? (
        <ErrorState
          error={experts.error}
          title="Could not search for experts"
          onRetry={() => void experts.refetch()}
          retrying={experts.isFetching}
        />
      ) : (
        <Paper withBorder radius="md" p="md" component="section" aria-label="Experts found">
          <Stack gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {experts.data.total === 1 ? '1 person' : `${format.number(experts.data.total)} people`} at{' '}
              {format.level(state.minLevel)} or above
            </Text>
            <ExpertsTable
              experts={experts.data.items}
              employeeHref={employeeHref}
              stale={experts.isPlaceholderData}
              empty={
                <EmptyState
                  title="Nobody holds this skill at that level"
                  description="Lower the minimum level or widen the team, role and location filters."
                />
              }
            />
            {experts.data.total > 0 ? (
              <PaginationBar
                page={state.page}
                pageSize={state.pageSize}
                total={experts.data.total}
                noun="people"
                onPageChange={(page) => update({ page })}
                onPageSizeChange={(pageSize) => update({ pageSize })}
              />
            ) : null}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

export default ExpertsPage;
