import { Anchor, Breadcrumbs, Group, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useLocation, useParams } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorState } from '../../components/ui/error-state';
import { PaginationBar } from '../../components/ui/pagination-bar';
import { useMatrix } from '../../features/analytics/api/get-matrix';
import { AsOfInput } from '../../features/analytics/components/as-of-input';
import { FilterSelect } from '../../features/analytics/components/filter-select';
import { PeopleMatrix } from '../../features/analytics/components/people-matrix';
import { SkillKindSelect } from '../../features/analytics/components/skill-kind-select';
import { useMatrixUrlState } from '../../features/analytics/hooks/analytics-url-state';
import { heatmapHref } from '../../features/analytics/utils/links';
import { useOrganisation } from '../../features/organisation/api/get-organisation';
import { useAllTeams } from '../../features/teams/api/get-teams';
import { teamPath } from '../../features/teams/utils/team-tree';
import { isApiError } from '../../lib/api-client';
import { useCategoryOptions } from '../filter-options';
import { NotFoundPage } from './not-found-page';

const employeeHref = (id: number) => `/employees/${id}`;

function TeamMatrix({ teamId }: { teamId: number }) {
  const location = useLocation();
  const organisation = useOrganisation();
  const teams = useAllTeams();
  const categories = useCategoryOptions();
  const { state, update } = useMatrixUrlState();
  // Only a drill-down from a "(direct)" group asks for the team's own members.
  const matrix = useMatrix({ teamId, ...state, includeSubteams: state.includeSubteams ? undefined : false });
  const teamName = matrix.data?.team.name ?? teams.data?.find((team) => team.id === teamId)?.name ?? 'Team';
  useDocumentTitle(`People × skills: ${teamName} · Skillgrid`);

  // The breadcrumb goes back up the heatmap, keeping its filters (as-of date, category, kind).
  const heatmapSearch = new URLSearchParams(location.search);
  heatmapSearch.delete('page');
  heatmapSearch.delete('pageSize');
  const path = teamPath(teams.data ?? [], teamId);
  const ancestors = path.slice(0, -1);

  const notFound = matrix.isError && isApiError(matrix.error) && matrix.error.status === 404;

  return (
    <Stack gap="md">
      <nav aria-label="Breadcrumb">
        <Breadcrumbs>
          <Anchor component={Link} to={heatmapHref(heatmapSearch.toString(), undefined)} size="sm">
            Skills heatmap
          </Anchor>
          {ancestors.map((team) => (
            <Anchor key={team.id} component={Link} to={heatmapHref(heatmapSearch.toString(), team.id)} size="sm">
              {team.name}
            </Anchor>
          ))}
          <Text size="sm" aria-current="page">
            {teamName}: people × skills
          </Text>
        </Breadcrumbs>
      </nav>
      <Title order={1} size="h2">
        {teamName}: people × skills
      </Title>

      <Group align="flex-end" gap="sm" wrap="wrap">
        <FilterSelect
          label="Skill category"
          allLabel="All categories"
          value={state.category}
          onChange={(category) => update({ category })}
          options={categories.options}
          loading={categories.loading}
          w={220}
        />
        <SkillKindSelect value={state.kind} onChange={(kind) => update({ kind })} />
        <AsOfInput value={state.asOf} onChange={(asOf) => update({ asOf })} max={organisation.data?.today} />
      </Group>

      {matrix.isPending ? (
        <Stack gap="xs" role="status" aria-live="polite">
          <VisuallyHidden>Loading the matrix</VisuallyHidden>
          <Skeleton height={360} radius="sm" />
        </Stack>
      ) : matrix.isError && !matrix.data ? (
        <ErrorState
          error={notFound ? new Error('This team does not exist or is not among the teams you can see.') : matrix.error}
          title={notFound ? 'Team not found' : 'Could not load the matrix'}
          onRetry={notFound ? undefined : () => void matrix.refetch()}
          retrying={matrix.isFetching}
        />
      ) : matrix.data.people.length === 0 || matrix.data.skills.length === 0 ? (
        <EmptyState
          title={matrix.data.people.length === 0 ? 'Nobody in this team on this date' : 'No skills match these filters'}
          description={
            matrix.data.people.length === 0
              ? 'The team had no active members on the as-of date. Try another date or team.'
              : 'Choose another skill category or kind, or clear the filters.'
          }
        />
      ) : (
        <>
          <Paper
            withBorder
            radius="md"
            p="md"
            aria-busy={matrix.isPlaceholderData || undefined}
            style={{ opacity: matrix.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}
          >
            <PeopleMatrix matrix={matrix.data} employeeHref={employeeHref} />
          </Paper>
          <PaginationBar
            page={state.page}
            pageSize={state.pageSize}
            total={matrix.data.total}
            noun="people"
            onPageChange={(page) => update({ page })}
            onPageSizeChange={(pageSize) => update({ pageSize })}
          />
        </>
      )}
    </Stack>
  );
}

export function MatrixPage() {
  const { teamId } = useParams();
  const id = teamId && /^\d+$/.test(teamId) ? Number(teamId) : null;
  if (id === null) return <NotFoundPage />;
  return <TeamMatrix key={id} teamId={id} />;
}

export default MatrixPage;
