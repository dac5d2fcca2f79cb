import { Alert, Button, Group, Select, Stack, TextInput, type ComboboxItem } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TeamDto } from '@skillgrid/shared';
import { useMemo, useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useSaveTeam, type TeamInput } from '../api/save-team';
import { flattenTeamTree } from '../utils/team-tree';

interface TeamFormProps {
  /** The team edited; null creates one. */
  team: TeamDto | null;
  /** Every team, for the parent picker. */
  teams: TeamDto[];
  /** People matching the manager search (the server searches; the caller debounces). */
  people: ComboboxItem[];
  peopleLoading?: boolean;
  onPeopleSearch: (q: string) => void;
  onDone: () => void;
}

type Field = 'name' | 'parentId' | 'managerId';

/** The team itself and every team below it: none of them can become its parent. */
function subtreeIds(team: TeamDto | null, teams: TeamDto[]): Set<number> {
  const ids = new Set<number>();
  if (!team) return ids;
  ids.add(team.id);
  for (let grew = true; grew; ) {
    grew = false;
    for (const candidate of teams)
      if (candidate.parentId !== null && ids.has(candidate.parentId) && !ids.has(candidate.id)) {
        ids.add(candidate.id);
        grew = true;
      }
  }
  return ids;
}

/** HR creates a team or renames, moves (with its sub-tree) or re-staffs one; the server refuses cycles too. */
export function TeamForm({ team, teams, people, peopleLoading, onPeopleSearch, onDone }: TeamFormProps) {
  const save = useSaveTeam();
  const [name, setName] = useState(team?.name ?? '');
  const [parentId, setParentId] = useState<string | null>(team?.parentId ? String(team.parentId) : null);
  const [managerId, setManagerId] = useState<string | null>(team?.managerId ? String(team.managerId) : null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const parentOptions = useMemo(() => {
    const excluded = subtreeIds(team, teams);
    return flattenTeamTree(teams)
      .filter(({ team: candidate }) => !excluded.has(candidate.id))
      .map(({ team: candidate, parentName }) => ({
        value: String(candidate.id),
        label: parentName ? `${candidate.name} (${parentName})` : candidate.name,
      }));
  }, [team, teams]);
  // The current manager stays choosable while the search shows others.
  const managerOptions = useMemo(() => {
    const current = team?.managerId && team.managerName ? [{ value: String(team.managerId), label: team.managerName }] : [];
    return [...current, ...people.filter((person) => !current.some((c) => c.value === person.value))];
  }, [team, people]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setGeneral(null);
    if (!name.trim()) return setErrors({ name: 'Enter the team’s name' });
    const input: TeamInput = {
      name: name.trim(),
      parentId: parentId ? Number(parentId) : null,
      managerId: managerId ? Number(managerId) : null,
    };
    // An edit sends only what changed: moving a team re-files its whole sub-tree.
    const body: TeamInput = team
      ? Object.fromEntries(
          Object.entries(input).filter(([key, value]) => value !== (team as unknown as Record<string, unknown>)[key]),
        )
      : input;
    if (team && Object.keys(body).length === 0) return onDone();
    save.mutate(
      { id: team?.id ?? null, input: body },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            title: team ? 'Team saved' : 'Team created',
            message: `“${saved.name}” is saved.`,
          });
          onDone();
        },
        onError: (error) => {
          const fields: Partial<Record<Field, string>> = {};
          const rest: string[] = [];
          for (const item of isApiError(error) ? error.errors : []) {
            if (item.field === 'name' || item.field === 'parentId' || item.field === 'managerId')
              fields[item.field] = item.message;
            else rest.push(item.message);
          }
          setErrors(fields);
          setGeneral(Object.keys(fields).length && !rest.length ? null : [error.message, ...rest].join(' '));
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label={team ? `Edit ${team.name}` : 'New team'}>
      <Stack gap="md">
        {general ? (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {general}
          </Alert>
        ) : null}
        <TextInput
          label="Name"
          required
          maxLength={120}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setErrors((current) => ({ ...current, name: undefined }));
          }}
          error={errors.name}
          data-autofocus
        />
        <Select
          label="Parent team"
          description={team ? 'Moving a team moves its sub-teams and people with it' : 'Blank: a top-level team'}
          placeholder="None (top level)"
          data={parentOptions}
          value={parentId}
          onChange={(value) => {
            setParentId(value);
            setErrors((current) => ({ ...current, parentId: undefined }));
          }}
          searchable
          clearable
          nothingFoundMessage="No team matches"
          error={errors.parentId}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label="Manager"
          description="Search by name, e-mail or employee ID"
          placeholder="No manager"
          data={managerOptions}
          value={managerId}
          onChange={(value) => {
            setManagerId(value);
            setErrors((current) => ({ ...current, managerId: undefined }));
          }}
          onSearchChange={onPeopleSearch}
          filter={({ options }) => options}
          searchable
          clearable
          nothingFoundMessage={peopleLoading ? 'Searching…' : 'Nobody matches'}
          error={errors.managerId}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {team ? 'Save team' : 'Create team'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
