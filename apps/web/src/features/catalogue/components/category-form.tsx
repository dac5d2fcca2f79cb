import { Stack, TextInput, Textarea } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import type { SkillCategoryDto } from '@skillgrid/shared';
import type { CategoryInput } from '../api/save-catalogue-item';
import { useCatalogueForm } from '../hooks/use-catalogue-form';
import { blankToNull } from '../utils/options';
import type { FormShape } from '../utils/server-errors';
import { FormButtons, SaveErrorAlert } from './form-parts';

interface CategoryFormValues {
  name: string;
  description: string;
}

const SHAPE: FormShape = { fields: ['name', 'description'] };

const initialValues = (category: SkillCategoryDto | null): CategoryFormValues => ({
  name: category?.name ?? '',
  description: category?.description ?? '',
});

const toInput = (values: CategoryFormValues): CategoryInput => ({
  name: values.name.trim(),
  description: blankToNull(values.description),
});

export function CategoryForm({ category, onDone }: { category: SkillCategoryDto | null; onDone: () => void }) {
  const form = useForm<CategoryFormValues>({
    mode: 'controlled',
    initialValues: initialValues(category),
    validate: { name: isNotEmpty('Enter the category’s name') },
  });
  const { formRef, onSubmit, failure, saving } = useCatalogueForm(form, {
    kind: 'category',
    id: category?.id ?? null,
    shape: SHAPE,
    toInput,
    notice: (saved, created) => ({
      title: created ? 'Category created' : 'Category saved',
      message: `“${saved.name}” is in the taxonomy.`,
    }),
    onDone,
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={category ? `Edit ${category.name}` : 'New category'}>
      <Stack gap="md">
        {failure ? <SaveErrorAlert message={failure.message} /> : null}
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Textarea label="Description" rows={3} resize="vertical" {...form.getInputProps('description')} />
        <FormButtons onCancel={onDone} saving={saving} submitLabel={category ? 'Save changes' : 'Create category'} />
      </Stack>
    </form>
  );
}
