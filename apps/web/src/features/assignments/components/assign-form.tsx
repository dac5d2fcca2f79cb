import {
  Alert,
  Button,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  type ComboboxItem,
  type ComboboxLikeRenderOptionInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { addDays } from '@skillgrid/shared';
import type { CreateAssignmentsRequestDto, CreateAssignmentsResultDto, IsoDate } from '@skillgrid/shared';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../components/ui/error-state';
import { useFormat } from '../../../components/ui/format-context';
import { isApiError } from '../../../lib/api-client';
import { useCreateAssignments } from '../api/create-assignments';
import { formFieldErrors } from '../utils/field-errors';
import { AssignResult } from './assign-result';
import { DueDateInput, dueDateError } from './due-date-input';

/** A cluster or credential to choose, with what it takes. */
export interface CatalogueOption {
  value: string;
  label: string;
  hours: number;
  cost: number;
  /** More words under the name ("4 credentials", the provider). */
  detail?: string;
}

/** What the form opens with (a recommended cluster for a team, say). */
export interface AssignDraft {
  itemKind?: 'cluster' | 'credential';
  clusterId?: number;
  credentialId?: number;
  whoKind?: 'team' | 'people';
  teamId?: number;
  roleId?: number;
  people?: ComboboxItem[];
  dueDate?: IsoDate;
  note?: string;
}

export interface AssignFormProps {
  initial?: AssignDraft;
  today: IsoDate;
  clusters: CatalogueOption[];
  credentials: CatalogueOption[];
  catalogueLoading?: boolean;
  teams: ComboboxItem[];
  roles: ComboboxItem[];
  /** People matching the current search (the server searches; the caller debounces). */
  people: ComboboxItem[];
  peopleLoading?: boolean;
  onPeopleSearch: (q: string) => void;
  onDone: () => void;
}

/** How far ahead a new assignment is due unless the user picks another date. */
const DEFAULT_DUE_DAYS = 30;

const FIELD_OF: Record<string, string> = {
  clusterId: 'item',
  credentialId: 'item',
  teamId: 'teamId',
  roleId: 'roleId',
  employeeIds: 'people',
  dueDate: 'dueDate',
  note: 'note',
};

/** Assign a cluster or one credential to a whole team or to chosen people, with a due date. */
export function AssignForm({
  initial,
  today,
  clusters,
  credentials,
  catalogueLoading,
  teams,
  roles,
  people,
  peopleLoading,
  onPeopleSearch,
  onDone,
}: AssignFormProps) {
  const format = useFormat();
  const create = useCreateAssignments();
  const [itemKind, setItemKind] = useState<'cluster' | 'credential'>(
    initial?.itemKind ?? (initial?.credentialId ? 'credential' : 'cluster'),
  );
  const [clusterId, setClusterId] = useState<string | null>(initial?.clusterId ? String(initial.clusterId) : null);
  const [credentialId, setCredentialId] = useState<string | null>(initial?.credentialId ? String(initial.credentialId) : null);
  const [whoKind, setWhoKind] = useState<'team' | 'people'>(initial?.whoKind ?? (initial?.teamId ? 'team' : 'people'));
  const [teamId, setTeamId] = useState<string | null>(initial?.teamId ? String(initial.teamId) : null);
  const [roleId, setRoleId] = useState<string | null>(initial?.roleId ? String(initial.roleId) : null);
  const [chosen, setChosen] = useState<ComboboxItem[]>(initial?.people ?? []);
  const [search, setSearch] = useState('');
  const [dueDate, setDueDate] = useState<string>(initial?.dueDate ?? addDays(today, DEFAULT_DUE_DAYS));
  const [note, setNote] = useState(initial?.note ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<CreateAssignmentsResultDto | null>(null);

  const options = itemKind === 'cluster' ? clusters : credentials;
  const optionsByValue = useMemo(() => new Map(options.map((option) => [option.value, option])), [options]);
  const selectedItem = optionsByValue.get((itemKind === 'cluster' ? clusterId : credentialId) ?? '');
  // The chosen people stay in the list whatever the search shows, so their names stay on the pills.
  const peopleData = useMemo(() => {
    const values = new Set(chosen.map((person) => person.value));
    return [...chosen, ...people.filter((person) => !values.has(person.value))];
  }, [chosen, people]);

  const serverErrors = isApiError(create.error)
    ? formFieldErrors(create.error.errors, FIELD_OF, (index) => chosen[index]?.label)
    : { fields: {} as Record<string, string>, other: [] as string[] };
  const errors = { ...serverErrors.fields, ...clientErrors };
  const generalError =
    create.isError && Object.keys(serverErrors.fields).length === 0
      ? [errorMessage(create.error), ...serverErrors.other].join(' ')
      : serverErrors.other.join(' ') || null;

  const renderCatalogueOption = ({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) => {
    const item = optionsByValue.get(option.value);
    return (
      <Stack gap={0}>
        <Text size="sm">{option.label}</Text>
        {item ? (
          <Text size="xs" c="dimmed">
            {item.detail ? `${item.detail} · ` : ''}
            {format.number(item.hours, 1)} h · {format.money(item.cost)}
          </Text>
        ) : null}
      </Stack>
    );
  };

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!selectedItem) found['item'] = itemKind === 'cluster' ? 'Choose a cluster' : 'Choose a credential';
    if (whoKind === 'team' && !teamId) found['teamId'] = 'Choose a team';
    if (whoKind === 'people' && chosen.length === 0) found['people'] = 'Choose at least one person';
    const dateError = dueDateError(dueDate, today);
    if (dateError) found['dueDate'] = dateError;
    return found;
  };

  const submit = () => {
    const found = validate();
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const trimmedNote = note.trim();
    const body: CreateAssignmentsRequestDto = {
      ...(itemKind === 'cluster' ? { clusterId: Number(clusterId) } : { credentialId: Number(credentialId) }),
      ...(whoKind === 'team'
        ? { teamId: Number(teamId), ...(roleId ? { roleId: Number(roleId) } : {}) }
        : { employeeIds: chosen.map((person) => Number(person.value)) }),
      dueDate,
      ...(trimmedNote ? { note: trimmedNote } : {}),
    };
    create.mutate(body, {
      onSuccess: (created) => {
        setResult(created);
        notifications.show({
          color: 'teal',
          message: `${created.total === 1 ? '1 assignment' : `${format.number(created.total)} assignments`} created${
            created.skipped.length ? `; ${created.skipped.length} skipped` : ''
          }.`,
        });
      },
    });
  };

  if (result) {
    return (
      <AssignResult
        result={result}
        onAgain={() => {
          setResult(null);
          setChosen([]);
          create.reset();
        }}
        onDone={onDone}
      />
    );
  }

  const clear = (field: string) => setClientErrors(({ [field]: _removed, ...rest }) => rest);

  return (
    <form
      noValidate
      aria-label="Assign"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        {generalError ? (
          <Alert color="red" variant="light" role="alert" title="Nothing was assigned">
            {generalError}
          </Alert>
        ) : null}

        <Stack gap={6}>
          <Text size="sm" fw={500} id="assign-what">
            What to assign
          </Text>
          <SegmentedControl
            aria-labelledby="assign-what"
            value={itemKind}
            onChange={(value) => {
              setItemKind(value === 'credential' ? 'credential' : 'cluster');
              clear('item');
            }}
            data={[
              { value: 'cluster', label: 'A cluster' },
              { value: 'credential', label: 'One credential' },
            ]}
            fullWidth
          />
          <Select
            key={itemKind}
            label={itemKind === 'cluster' ? 'Cluster' : 'Credential'}
            placeholder={catalogueLoading ? 'Loading…' : 'Search by name'}
            data={options}
            value={itemKind === 'cluster' ? clusterId : credentialId}
            onChange={(value) => {
              if (itemKind === 'cluster') setClusterId(value);
              else setCredentialId(value);
              clear('item');
            }}
            renderOption={renderCatalogueOption}
            searchable
            clearable
            required
            nothingFoundMessage="Nothing matches"
            error={errors['item']}
            comboboxProps={{ withinPortal: true }}
          />
          {selectedItem ? (
            <Text size="xs" c="dimmed">
              {selectedItem.detail ? `${selectedItem.detail} · ` : ''}
              {format.number(selectedItem.hours, 1)} hours · {format.money(selectedItem.cost)} per person
            </Text>
          ) : null}
        </Stack>

        <Stack gap={6}>
          <Text size="sm" fw={500} id="assign-who">
            Who
          </Text>
          <SegmentedControl
            aria-labelledby="assign-who"
            value={whoKind}
            onChange={(value) => setWhoKind(value === 'team' ? 'team' : 'people')}
            data={[
              { value: 'people', label: 'Chosen people' },
              { value: 'team', label: 'A whole team' },
            ]}
            fullWidth
          />
          {whoKind === 'team' ? (
            <>
              <Select
                label="Team"
                description="Every active member of the team and its sub-teams"
                placeholder="Choose a team"
                data={teams}
                value={teamId}
                onChange={(value) => {
                  setTeamId(value);
                  clear('teamId');
                }}
                searchable
                required
                nothingFoundMessage="No team matches"
                error={errors['teamId']}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label="Only people in the role"
                placeholder="Any role"
                data={roles}
                value={roleId}
                onChange={setRoleId}
                searchable
                clearable
                nothingFoundMessage="No role matches"
                error={errors['roleId']}
                comboboxProps={{ withinPortal: true }}
              />
            </>
          ) : (
            <MultiSelect
              label="People"
              description="Search by name, e-mail or employee ID"
              placeholder={chosen.length ? undefined : 'Search people'}
              data={peopleData}
              value={chosen.map((person) => person.value)}
              onChange={(values) => {
                setChosen(values.flatMap((value) => peopleData.filter((person) => person.value === value)));
                clear('people');
              }}
              searchable
              searchValue={search}
              onSearchChange={(value) => {
                setSearch(value);
                onPeopleSearch(value);
              }}
              // The server has already matched the search (on e-mail and ID too, which the labels lack).
              filter={({ options: matched }) => matched}
              nothingFoundMessage={peopleLoading ? 'Searching…' : 'Nobody matches'}
              required
              error={errors['people']}
              maxDropdownHeight={260}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        </Stack>

        <DueDateInput
          label="Due date"
          required
          today={today}
          value={dueDate}
          onChange={(value) => {
            setDueDate(value);
            clear('dueDate');
          }}
          error={errors['dueDate']}
        />
        <Textarea
          label="Note"
          description="Optional; the people assigned see it"
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={2}
          error={errors['note']}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
          <Button type="submit" loading={create.isPending}>
            Assign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
