import { Button, Group, Stack, Text } from '@mantine/core';
import type { SkillCategoryDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { SearchInput } from '../../../components/ui/search-input';
import { useSkillCategoryPage } from '../api/get-skill-categories';
import type { CataloguePanelProps } from '../hooks/use-catalogue-params';
import { useDialog } from '../hooks/use-dialog';
import { CategoryForm } from './category-form';
import { CatalogueResults } from './catalogue-results';
import { FormDialog } from './form-parts';
import { RowActions } from './row-actions';

const column = createColumnHelper<SkillCategoryDto>();
const columns = [
  column.accessor('name', {
    header: 'Category',
    cell: (info) => (
      <Text size="sm" fw={500}>
        {info.getValue()}
      </Text>
    ),
  }),
  column.accessor('description', {
    header: 'Description',
    cell: (info) =>
      info.getValue() ?? (
        <Text size="sm" c="dimmed">
          None
        </Text>
      ),
  }),
];

/** Skill categories: HR names and describes them (the API has no retiring of categories). */
export function CategoriesPanel({ params, onChange, canEdit }: CataloguePanelProps) {
  const { page, pageSize, q } = params;
  const categories = useSkillCategoryPage({ page, pageSize, q });
  const form = useDialog<SkillCategoryDto | null>();
  const { open: openForm } = form;

  const allColumns = useMemo(
    () =>
      canEdit
        ? [
            ...columns,
            column.display({
              id: 'actions',
              header: 'Actions',
              cell: ({ row: { original } }) => <RowActions name={original.name} onEdit={() => openForm(original)} />,
            }),
          ]
        : columns,
    [canEdit, openForm],
  );

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput
          label="Search categories"
          placeholder="Category name"
          value={q ?? ''}
          onSearch={(value) => onChange({ q: value || undefined }, { replace: true })}
          w={{ base: '100%', sm: 260 }}
        />
        {canEdit ? (
          <Button ml={{ sm: 'auto' }} onClick={() => openForm(null)}>
            New category
          </Button>
        ) : null}
      </Group>

      <CatalogueResults
        query={categories}
        page={categories.data ? { rows: categories.data.items, total: categories.data.total } : undefined}
        plural="categories"
        columns={allColumns}
        caption="Skill categories"
        getRowId={(category) => String(category.id)}
        minWidth={640}
        empty={{
          title: q ? 'No category matches this search' : 'There are no skill categories yet',
          description: q ? 'Try another search.' : 'Every skill belongs to a category: HR adds them here.',
        }}
        params={params}
        onChange={onChange}
      />

      <FormDialog
        opened={form.opened}
        onClose={form.close}
        title={form.value ? `Edit “${form.value.name}”` : 'New category'}
        size="md"
      >
        <CategoryForm key={form.key} category={form.value} onDone={form.close} />
      </FormDialog>
    </Stack>
  );
}
