import { Drawer } from '@mantine/core';
import type { IsoDate } from '@skillgrid/shared';
import { AssignForm, type AssignDraft } from '../features/assignments/components/assign-form';
import { useRoleOptions, useTeamOptions } from './filter-options';
import { useClusterOptions, useCredentialOptions, usePeopleSearch } from './workflow-options';

interface AssignDrawerProps {
  opened: boolean;
  onClose: () => void;
  today: IsoDate;
  /** What the form opens with; a new value (object) starts a fresh form. */
  draft?: AssignDraft;
}

function AssignDrawerBody({ onClose, today, draft }: Omit<AssignDrawerProps, 'opened'>) {
  const clusters = useClusterOptions();
  const credentials = useCredentialOptions();
  const teams = useTeamOptions();
  const roles = useRoleOptions();
  const people = usePeopleSearch();
  return (
    <AssignForm
      initial={draft}
      today={today}
      clusters={clusters.options}
      credentials={credentials.options}
      catalogueLoading={clusters.loading || credentials.loading}
      teams={teams.options}
      roles={roles.options}
      people={people.options}
      peopleLoading={people.loading}
      onPeopleSearch={people.onSearch}
      onDone={onClose}
    />
  );
}

/**
 * The "Assign" drawer with its pickers filled from the catalogue, the teams, roles and people in
 * scope. Its content (and its queries) exist only while it is open.
 */
export function AssignDrawer({ opened, onClose, today, draft }: AssignDrawerProps) {
  return (
    <Drawer opened={opened} onClose={onClose} title="Assign a cluster or credential" position="right" size="md" padding="md">
      <AssignDrawerBody onClose={onClose} today={today} draft={draft} />
    </Drawer>
  );
}
