import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { TeamDto } from '@skillgrid/shared';
import { useCallback, useMemo, useState } from 'react';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorState } from '../../components/ui/error-state';
import { useFormat } from '../../components/ui/format-context';
import { SearchInput } from '../../components/ui/search-input';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { employeeListSearch } from '../../features/employees/hooks/use-employee-list-filters';
import { useAllTeams } from '../../features/teams/api/get-teams';
import { TeamForm } from '../../features/teams/components/team-form';
import { TeamTreeTable } from '../../features/teams/components/team-tree-table';
import { filterTeamTree, flattenTeamTree } from '../../features/teams/utils/team-tree';
import { useCurrentUser } from '../guards/session';
import { canUsePage } from '../personas';
import { usePeopleSearch } from '../workflow-options';

/** The team form with its manager search; it (and its queries) exist only while the dialog is open. */
function TeamDialogBody({ team, teams, onDone }: { team: TeamDto | null; teams: TeamDto[]; onDone: () => void }) {
  const people = usePeopleSearch();
  return (
    <TeamForm
      team={team}
      teams={teams}
      people={people.options}
      peopleLoading={people.loading}
      onPeopleSearch={people.onSearch}
      onDone={onDone}
    />
  );
}

/** The team tree with managers and headcounts; HR and managers drill into a team's people. */
export function OrganisationPage() {
  useDocumentTitle('Organisation · Skillgrid');
  const user = useCurrentUser();
  const format = useFormat();
  const teams = useAllTeams();
  const [query, setQuery] = useState('');
  /** undefined: no dialog; null: a new team; else the team edited. */
  const [editing, setEditing] = useState<TeamDto | null | undefined>(undefined);
  const canEdit = user.role === 'hr' || user.role === 'admin';
  const editAction = useCallback(
    (team: TeamDto) => (
      <Button size="xs" variant="light" onClick={() => setEditing(team)} aria-label={`Edit ${team.name}`}>
        Edit
      </Button>
    ),
    [],
  );

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
        <Group gap="sm">
          {teams.data ? (
            <Text size="sm" c="dimmed">
              {teams.data.length === 1 ? '1 team' : `${format.number(teams.data.length)} teams`}
            </Text>
          ) : null}
          {canEdit ? <Button onClick={() => setEditing(null)}>New team</Button> : null}
        </Group>
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
          actions={canEdit ? editAction : undefined}
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
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? `Edit “${editing.name}”` : 'New team'}
        size="lg"
        closeOnClickOutside={false}
      >
        {editing !== undefined ? (
          <TeamDialogBody team={editing} teams={teams.data ?? []} onDone={() => setEditing(undefined)} />
        ) : null}
      </Modal>
    </Stack>
  );
}

export default OrganisationPage;
