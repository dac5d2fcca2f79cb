import { Badge, Button, Group, Select, Stack, type ComboboxItem } from '@mantine/core';
import type { CapabilityTargetDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import { SearchInput } from '../../../components/ui/search-input';
import { Suppressed } from '../../../components/ui/suppressed';
import { useCapabilityTargets } from '../api/get-capability-targets';
import type { CataloguePanelProps, TargetState } from '../hooks/use-catalogue-params';
import { useDialog } from '../hooks/use-dialog';
import { CapabilityTargetForm } from './capability-target-form';
import { CatalogueResults } from './catalogue-results';
import { FormDialog } from './form-parts';
import { RetireDialog, type RetireTarget } from './retire-dialog';
import { RowActions } from './row-actions';

const column = createColumnHelper<CapabilityTargetDto>();

const STATE_OPTIONS = [
  { value: 'short', label: 'Short' },
  { value: 'met', label: 'Met' },
];

/** What a target is called in buttons and dialogs. */
const targetName = (target: CapabilityTargetDto) => `${target.teamName}: ${target.skillName}`;

interface CapabilityTargetsPanelProps extends CataloguePanelProps {
  /** The teams in scope, in tree order (the page knows them). */
  teamOptions: ComboboxItem[];
}

/**
 * Team capability targets with today's figures from the API. The API answers every target in
 * scope at once, so search, the met/short filter and paging happen here.
 */
export function CapabilityTargetsPanel({ params, onChange, canEdit, teamOptions }: CapabilityTargetsPanelProps) {
  const format = useFormat();
  const minGroup = format.settings.privacyMinGroup;
  const { page, pageSize, q, teamId, state } = params;
  const targets = useCapabilityTargets({ teamId });
  const filtered = Boolean(q || teamId || state);
  const form = useDialog<CapabilityTargetDto | null>();
  const { open: openForm } = form;
  const remove = useDialog<RetireTarget>();
  const { open: openRemove } = remove;

  const matching = useMemo(() => {
    const needle = q?.toLowerCase();
    return (targets.data ?? []).filter(
      (target) =>
        (!needle || target.skillName.toLowerCase().includes(needle) || target.teamName.toLowerCase().includes(needle)) &&
        (!state || (state === 'met' ? target.met === true : target.met === false)),
    );
  }, [targets.data, q, state]);
  const visible = matching.slice((page - 1) * pageSize, page * pageSize);

  const columns = useMemo(
    () => [
      column.accessor('teamName', { header: 'Team' }),
      column.accessor('skillName', { header: 'Skill' }),
      column.accessor('minLevel', {
        header: 'At level',
        cell: (info) => `≥ ${format.level(info.getValue())}`,
        meta: { nowrap: true },
      }),
      column.accessor('requiredCount', {
        header: 'Target',
        cell: (info) => `${format.number(info.getValue())} ${info.getValue() === 1 ? 'person' : 'people'}`,
        meta: { nowrap: true },
      }),
      column.accessor('holders', {
        header: 'Holders',
        cell: (info) => (info.getValue() === null ? <Suppressed minGroup={minGroup} /> : format.number(info.getValue())),
      }),
      column.display({
        id: 'status',
        header: 'Status',
        cell: ({ row: { original } }) =>
          original.met === null ? (
            <Suppressed minGroup={minGroup} label="withheld" />
          ) : original.met ? (
            <Badge color="teal" variant="light" tt="none">
              ✓ Met
            </Badge>
          ) : (
            <Badge color="orange" variant="light" tt="none">
              Short by {format.number(original.short)}
            </Badge>
          ),
      }),
      ...(canEdit
        ? [
            column.display({
              id: 'actions',
              header: 'Actions',
              cell: ({ row: { original } }) => (
                <RowActions
                  name={targetName(original)}
                  onEdit={() => openForm(original)}
                  onRetire={() => openRemove({ id: original.id, name: targetName(original) })}
                  removeLabel="Delete"
                />
              ),
            }),
          ]
        : []),
    ],
    [format, minGroup, canEdit, openForm, openRemove],
  );

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput
          label="Search targets"
          placeholder="Skill or team"
          value={q ?? ''}
          onSearch={(value) => onChange({ q: value || undefined }, { replace: true })}
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label="Team"
          placeholder="All teams"
          data={teamOptions}
          value={teamId ? String(teamId) : null}
          onChange={(value) => onChange({ teamId: value ? Number(value) : undefined })}
          searchable
          clearable
          nothingFoundMessage="No team matches"
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label="Status"
          placeholder="Met and short"
          data={STATE_OPTIONS}
          value={state ?? null}
          onChange={(value) => onChange({ state: (value as TargetState | null) ?? undefined })}
          clearable
          w={{ base: '100%', sm: 160 }}
        />
        {canEdit ? (
          <Button ml={{ sm: 'auto' }} onClick={() => openForm(null)}>
            New target
          </Button>
        ) : null}
      </Group>

      <CatalogueResults
        query={targets}
        page={targets.data ? { rows: visible, total: matching.length } : undefined}
        plural="targets"
        columns={columns}
        caption="Capability targets: met, or short by how many people"
        getRowId={(target) => String(target.id)}
        minWidth={canEdit ? 960 : 800}
        empty={{
          title: filtered ? 'No target matches these filters' : 'No capability targets yet',
          description: filtered
            ? 'Try another search or clear the team and status filters.'
            : 'A target says a team needs so many people at a level in a skill; the figures show whether it is met.',
        }}
        params={params}
        onChange={onChange}
      />

      <FormDialog
        opened={form.opened}
        onClose={form.close}
        title={form.value ? `Edit target: ${targetName(form.value)}` : 'New capability target'}
        size="md"
      >
        <CapabilityTargetForm key={form.key} target={form.value} teamOptions={teamOptions} onDone={form.close} />
      </FormDialog>
      <RetireDialog
        kind="capabilityTarget"
        noun="Target"
        verb="Delete"
        opened={remove.opened}
        target={remove.value}
        onClose={remove.close}
        consequence="The target is removed; nobody’s skills or completions change. Set a new one at any time."
      />
    </Stack>
  );
}
