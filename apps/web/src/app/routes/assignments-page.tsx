import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ASSIGNMENT_STATUSES, DUE_SOON_DAYS } from '@skillgrid/shared';
import type { AssignmentDto, AssignmentStatus, ClusterRecommendationDto } from '@skillgrid/shared';
import { useCallback, useState } from 'react';
import { ASSIGNMENT_STATUS_STYLES } from '../../components/ui/assignment-status';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorState } from '../../components/ui/error-state';
import { PaginationBar } from '../../components/ui/pagination-bar';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { useAssignments } from '../../features/assignments/api/get-assignments';
import { DUE_FILTERS, type DueFilter } from '../../features/assignments/api/keys';
import type { AssignDraft } from '../../features/assignments/components/assign-form';
import { AssignmentReminders } from '../../features/assignments/components/assignment-reminders';
import { AssignmentsListTable } from '../../features/assignments/components/assignments-list-table';
import { CancelAssignmentModal } from '../../features/assignments/components/cancel-assignment-modal';
import { ExtendDueDateModal } from '../../features/assignments/components/extend-due-date-modal';
import { FilterSelect } from '../../features/assignments/components/filter-select';
import { TeamClusterRecommendations } from '../../features/assignments/components/team-cluster-recommendations';
import { useAssignmentsUrlState } from '../../features/assignments/hooks/assignments-url-state';
import { useOrganisation } from '../../features/organisation/api/get-organisation';
import { AssignDrawer } from '../assign-drawer';
import { useTeamOptions } from '../filter-options';
import { useCurrentUser } from '../guards/session';

const employeeHref = (id: number) => `/employees/${id}`;

const DUE_LABELS: Record<DueFilter, string> = {
  soon: `Due within ${DUE_SOON_DAYS} days`,
  overdue: 'Overdue',
};

type Dialog = { kind: 'extend' | 'cancel'; assignment: AssignmentDto } | null;

/** Managers and HR: reminders, every assignment in scope with its progress, and assigning more. */
export function AssignmentsPage() {
  useDocumentTitle('Assignments · Skillgrid');
  const user = useCurrentUser();
  const organisation = useOrganisation();
  const teams = useTeamOptions();
  const { state, update } = useAssignmentsUrlState();
  const { recommendFor, ...listParams } = state;
  const assignments = useAssignments(listParams);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [drawer, setDrawer] = useState<{ opened: boolean; draft?: AssignDraft }>({ opened: false });
  const today = organisation.data?.today;
  // A manager's own team is where their recommendations start.
  const recommendTeamId = recommendFor ?? (user.role === 'manager' ? user.managedTeamIds[0] : undefined);
  const filtered = Boolean(
    state.status || state.due || state.teamId || state.employeeId || state.clusterId || state.credentialId,
  );

  const onExtend = useCallback((assignment: AssignmentDto) => setDialog({ kind: 'extend', assignment }), []);
  const onCancel = useCallback((assignment: AssignmentDto) => setDialog({ kind: 'cancel', assignment }), []);
  const onAssignCluster = useCallback(
    (cluster: ClusterRecommendationDto, teamId: number) =>
      setDrawer({ opened: true, draft: { itemKind: 'cluster', clusterId: cluster.clusterId, whoKind: 'team', teamId } }),
    [],
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          Assignments
        </Title>
        <Button onClick={() => setDrawer({ opened: true, draft: undefined })} disabled={!today}>
          Assign…
        </Button>
      </Group>

      <AssignmentReminders teamId={state.teamId} due={state.due} onShow={(due) => update({ due, status: undefined })} />

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="assignments-list-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="assignments-list-heading">
            All assignments
          </Title>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label="Status"
              placeholder="Any status"
              data={ASSIGNMENT_STATUSES.map((status) => ({ value: status, label: ASSIGNMENT_STATUS_STYLES[status].label }))}
              value={state.status ?? null}
              onChange={(value) => update({ status: (value as AssignmentStatus | null) ?? undefined })}
              clearable
              w={{ base: '100%', sm: 180 }}
            />
            <FilterSelect
              label="Team"
              placeholder={user.role === 'manager' ? 'All my teams' : 'All teams'}
              value={state.teamId}
              onChange={(teamId) => update({ teamId })}
              options={teams.options}
              loading={teams.loading}
            />
            <Select
              label="Due"
              placeholder="Any due date"
              data={DUE_FILTERS.map((due) => ({ value: due, label: DUE_LABELS[due] }))}
              value={state.due ?? null}
              onChange={(value) => update({ due: (value as DueFilter | null) ?? undefined })}
              clearable
              w={{ base: '100%', sm: 200 }}
            />
            {state.employeeId || state.clusterId || state.credentialId ? (
              <Button
                variant="subtle"
                size="sm"
                mb={2}
                onClick={() => update({ employeeId: undefined, clusterId: undefined, credentialId: undefined })}
              >
                Show everyone’s
              </Button>
            ) : null}
          </Group>

          {assignments.isPending || !today ? (
            <TableSkeleton label="Loading assignments" />
          ) : assignments.isError && !assignments.data ? (
            <ErrorState
              error={assignments.error}
              title="Could not load assignments"
              onRetry={() => void assignments.refetch()}
              retrying={assignments.isFetching}
            />
          ) : (
            <>
              <AssignmentsListTable
                assignments={assignments.data.items}
                today={today}
                employeeHref={employeeHref}
                onExtend={onExtend}
                onCancel={onCancel}
                stale={assignments.isPlaceholderData}
                empty={
                  <EmptyState
                    title={filtered ? 'No assignment matches these filters' : 'Nothing assigned yet'}
                    description={
                      filtered
                        ? 'Clear a filter to see more.'
                        : 'Assign a cluster or a credential to people or a whole team, with a due date.'
                    }
                    action={
                      filtered ? undefined : (
                        <Button size="xs" onClick={() => setDrawer({ opened: true, draft: undefined })}>
                          Assign…
                        </Button>
                      )
                    }
                  />
                }
              />
              {assignments.data.total > 0 ? (
                <PaginationBar
                  page={state.page}
                  pageSize={state.pageSize}
                  total={assignments.data.total}
                  noun="assignments"
                  onPageChange={(page) => update({ page })}
                  onPageSizeChange={(pageSize) => update({ pageSize })}
                />
              ) : null}
            </>
          )}
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="cluster-recommendations-heading">
        <Stack gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h4" id="cluster-recommendations-heading">
              Recommended clusters for this team
            </Title>
            <Text size="sm" c="dimmed">
              Ranked by the weighted gap points a cluster would close across the team (and its sub-teams) per hour of study.
            </Text>
          </Stack>
          <TeamClusterRecommendations
            teamId={recommendTeamId}
            onTeamChange={(teamId) => update({ recommendFor: teamId, page: state.page }, { replace: true })}
            teamOptions={teams.options}
            teamsLoading={teams.loading}
            onAssign={onAssignCluster}
          />
        </Stack>
      </Paper>

      {today ? (
        <AssignDrawer
          opened={drawer.opened}
          onClose={() => setDrawer((current) => ({ ...current, opened: false }))}
          today={today}
          draft={drawer.draft}
        />
      ) : null}
      {dialog?.kind === 'extend' && today ? (
        <ExtendDueDateModal assignment={dialog.assignment} today={today} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'cancel' ? (
        <CancelAssignmentModal assignment={dialog.assignment} onClose={() => setDialog(null)} />
      ) : null}
    </Stack>
  );
}

export default AssignmentsPage;
