import { Group, Select, Stack, Text } from '@mantine/core';
import type { SkillDto, SkillKind } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '../../../components/ui/data-table';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { SearchInput } from '../../../components/ui/search-input';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import { useSkillCategories } from '../api/get-skill-categories';
import { useSkills } from '../api/get-skills';
import { CatalogueName } from './catalogue-name';
import type { CatalogueParams } from '../hooks/use-catalogue-params';

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

interface SkillsPanelProps {
  params: CatalogueParams;
  onChange: (changes: Partial<Omit<CatalogueParams, 'tab'>>, options?: { replace?: boolean }) => void;
}

export function SkillsPanel({ params, onChange }: SkillsPanelProps) {
  const { page, pageSize, q, categoryId, kind } = params;
  const skills = useSkills({ page, pageSize, q, categoryId, kind });
  const categories = useSkillCategories();
  const filtered = Boolean(q || categoryId || kind);

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
      </Group>

      {skills.isPending ? (
        <TableSkeleton label="Loading skills" />
      ) : skills.isError && !skills.data ? (
        <ErrorState
          error={skills.error}
          title="Could not load skills"
          onRetry={() => void skills.refetch()}
          retrying={skills.isFetching}
        />
      ) : (
        <>
          <DataTable
            data={skills.data.items}
            columns={columns}
            caption="Skills in the catalogue"
            getRowId={(skill) => String(skill.id)}
            minWidth={640}
            stale={skills.isPlaceholderData}
            empty={
              <EmptyState
                title={filtered ? 'No skill matches these filters' : 'The skills taxonomy is empty'}
                description={
                  filtered
                    ? 'Try another search or clear the category and kind filters.'
                    : 'HR can import a skills taxonomy (for example from ESCO) to fill it.'
                }
              />
            }
          />
          <PaginationBar
            page={page}
            pageSize={pageSize}
            total={skills.data.total}
            noun="skills"
            onPageChange={(next) => onChange({ page: next })}
            onPageSizeChange={(size) => onChange({ pageSize: size })}
          />
        </>
      )}
    </Stack>
  );
}
