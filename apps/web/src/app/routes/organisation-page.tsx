import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorState } from '../../components/ui/error-state';
import { useFormat } from '../../components/ui/format-context';
import { SearchInput } from '../../components/ui/search-input';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { employeeListSearch } from '../../features/employees/hooks/use-employee-list-filters';
import { useAllTeams } from '../../features/teams/api/get-teams';
import { TeamTreeTable } from '../../features/teams/components/team-tree-table';
import { filterTeamTree, flattenTeamTree } from '../../features/teams/utils/team-tree';
import { useCurrentUser } from '../guards/session';
import { canUsePage } from '../personas';

/** The team tree with managers and headcounts; HR and managers drill into a team's people. */
export function OrganisationPage() {
  useDocumentTitle('Organisation · Skillgrid');
  const user = useCurrentUser();
  const format = useFormat();
  const teams = useAllTeams();
  const [query, setQuery] = useState('');

  const rows = useMemo(() => flattenTeamTree(teams.data ?? []), [teams.data]);
  const visible = useMemo(() => filterTeamTree(rows, query), [rows, query]);
  const canOpenPeople = canUsePage(user, 'employees');
  const teamHref = useMemo(
    () => (canOpenPeople ? (teamId: number) => `/employees?${employeeListSearch({ teamId }).toString()}` : undefined),
    [canOpenPeople],
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Title order={1} size="h2">
          Organisation
        </Title>
        {teams.data ? (
          <Text size="sm" c="dimmed">
            {teams.data.length === 1 ? '1 team' : `${format.number(teams.data.length)} teams`}
          </Text>
        ) : null}
      </Group>
      {user.role === 'exec' ? (
        <Text size="sm" c="dimmed">
          Headcounts cover each team with its sub-teams; those of fewer than {format.settings.privacyMinGroup} people are withheld
          for privacy.
        </Text>
      ) : null}
      <SearchInput
        label="Find a team"
        placeholder="Team name"
        value={query}
        onSearch={setQuery}
        debounceMs={150}
        w={{ base: '100%', sm: 280 }}
      />

      {teams.isPending ? (
        <TableSkeleton label="Loading teams" />
      ) : teams.isError ? (
        <ErrorState
          error={teams.error}
          title="Could not load teams"
          onRetry={() => void teams.refetch()}
          retrying={teams.isFetching}
        />
      ) : (
        <TeamTreeTable
          rows={visible}
          teamHref={teamHref}
          aggregateOnly={user.role === 'exec'}
          empty={
            query ? (
              <EmptyState title="No team matches" description={`No team name contains “${query}”.`} />
            ) : (
              <EmptyState
                title="No teams yet"
                description={
                  user.role === 'manager'
                    ? 'You do not manage any team yet. HR sets team managers.'
                    : 'Import the organisation’s teams (CSV or XLSX) to build the tree.'
                }
              />
            )
          }
        />
      )}
    </Stack>
  );
}

export default OrganisationPage;
