import { Button, Group, Select, Stack, Text } from '@mantine/core';
import type { SkillDto, SkillKind } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { SearchInput } from '../../../components/ui/search-input';
import { useSkillCategories } from '../api/get-skill-categories';
import { useSkills } from '../api/get-skills';
import type { CataloguePanelProps } from '../hooks/use-catalogue-params';
import { useDialog } from '../hooks/use-dialog';
import { useReactivate } from '../hooks/use-reactivate';
import { CatalogueName } from './catalogue-name';
import { CatalogueResults } from './catalogue-results';
import { FormDialog } from './form-parts';
import { RetireDialog, type RetireTarget } from './retire-dialog';
import { retirableActionsColumn } from './row-actions';
import { SkillForm } from './skill-form';
import { StatusSelect } from './status-select';

const column = createColumnHelper<SkillDto>();
const columns = [
  column.accessor('name', {
    header: 'Skill',
    cell: ({ row: { original } }) => <CatalogueName name={original.name} status={original.status} />,
  }),
  column.accessor('categoryName', { header: 'Category' }),
  column.accessor('kind', { header: 'Kind', cell: (info) => (info.getValue() === 'hard' ? 'Hard' : 'Soft') }),
  column.accessor('externalRef', {
    header: 'External reference',
    cell: (info) =>
      info.getValue() ? (
        <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {info.getValue()}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          None
        </Text>
      ),
  }),
];

export function SkillsPanel({ params, onChange, canEdit }: CataloguePanelProps) {
  const { page, pageSize, q, categoryId, kind, status } = params;
  const skills = useSkills({ page, pageSize, q, categoryId, kind, status });
  const categories = useSkillCategories();
  const filtered = Boolean(q || categoryId || kind || status);
  const form = useDialog<SkillDto | null>();
  const { open: openForm } = form;
  const retire = useDialog<RetireTarget>();
  const { open: openRetire } = retire;
  const reactivate = useReactivate('skill', 'Skill');

  const allColumns = useMemo(
    () =>
      canEdit ? [...columns, retirableActionsColumn<SkillDto>({ edit: openForm, retire: openRetire, reactivate })] : columns,
    [canEdit, openForm, openRetire, reactivate],
  );

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput
          label="Search skills"
          placeholder="Skill name"
          value={q ?? ''}
          onSearch={(value) => onChange({ q: value || undefined }, { replace: true })}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label="Category"
          placeholder={categories.isPending ? 'Loading categories…' : 'All categories'}
          data={(categories.data?.items ?? []).map((category) => ({ value: String(category.id), label: category.name }))}
          value={categoryId ? String(categoryId) : null}
          onChange={(value) => onChange({ categoryId: value ? Number(value) : undefined })}
          searchable
          clearable
          nothingFoundMessage="No category matches"
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          label="Kind"
          placeholder="Hard and soft"
          data={[
            { value: 'hard', label: 'Hard' },
            { value: 'soft', label: 'Soft' },
          ]}
          value={kind ?? null}
          onChange={(value) => onChange({ kind: (value as SkillKind | null) ?? undefined })}
          clearable
          w={{ base: '100%', sm: 160 }}
        />
        <StatusSelect value={status} onChange={(next) => onChange({ status: next })} />
        {canEdit ? (
          <Button ml={{ sm: 'auto' }} onClick={() => openForm(null)}>
            New skill
          </Button>
        ) : null}
      </Group>

      <CatalogueResults
        query={skills}
        page={skills.data ? { rows: skills.data.items, total: skills.data.total } : undefined}
        plural="skills"
        columns={allColumns}
        caption="Skills in the catalogue"
        getRowId={(skill) => String(skill.id)}
        minWidth={canEdit ? 820 : 640}
        empty={{
          title: filtered ? 'No skill matches these filters' : 'The skills taxonomy is empty',
          description: filtered
            ? 'Try another search or clear the category, kind and status filters.'
            : 'HR can add skills here or import a skills taxonomy (for example from ESCO).',
        }}
        params={params}
        onChange={onChange}
      />

      <FormDialog
        opened={form.opened}
        onClose={form.close}
        title={form.value ? `Edit “${form.value.name}”` : 'New skill'}
        size="md"
      >
        <SkillForm key={form.key} skill={form.value} onDone={form.close} />
      </FormDialog>
      <RetireDialog
        kind="skill"
        noun="Skill"
        opened={retire.opened}
        target={retire.value}
        onClose={retire.close}
        consequence="It stays in the taxonomy, marked Retired, and is no longer offered for new credentials, role requirements or targets. Completions that grant it and requirements that name it still count, so people keep their levels."
      />
    </Stack>
  );
}
