import { Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import type { SkillDto, SkillKind } from '@skillgrid/shared';
import { useSkillCategories } from '../api/get-skill-categories';
import type { SkillInput } from '../api/save-catalogue-item';
import { useCatalogueForm } from '../hooks/use-catalogue-form';
import { blankToNull } from '../utils/options';
import type { FormShape } from '../utils/server-errors';
import { FormButtons, SaveErrorAlert } from './form-parts';

interface SkillFormValues {
  name: string;
  categoryId: string | null;
  kind: string | null;
  description: string;
  externalRef: string;
}

const SHAPE: FormShape = { fields: ['name', 'categoryId', 'kind', 'description', 'externalRef'] };

const KIND_OPTIONS = [
  { value: 'hard', label: 'Hard (technical)' },
  { value: 'soft', label: 'Soft (behavioural)' },
];

function initialValues(skill: SkillDto | null): SkillFormValues {
  return {
    name: skill?.name ?? '',
    categoryId: skill ? String(skill.categoryId) : null,
    kind: skill?.kind ?? null,
    description: skill?.description ?? '',
    externalRef: skill?.externalRef ?? '',
  };
}

function toInput(values: SkillFormValues): SkillInput {
  return {
    name: values.name.trim(),
    categoryId: Number(values.categoryId),
    kind: values.kind as SkillKind,
    description: blankToNull(values.description),
    externalRef: blankToNull(values.externalRef),
  };
}

export function SkillForm({ skill, onDone }: { skill: SkillDto | null; onDone: () => void }) {
  const categories = useSkillCategories();
  const form = useForm<SkillFormValues>({
    mode: 'controlled',
    initialValues: initialValues(skill),
    validate: {
      name: isNotEmpty('Enter the skill’s name'),
      categoryId: isNotEmpty('Choose a category'),
      kind: isNotEmpty('Choose hard or soft'),
    },
  });
  const { formRef, onSubmit, failure, saving } = useCatalogueForm(form, {
    kind: 'skill',
    id: skill?.id ?? null,
    shape: SHAPE,
    toInput,
    notice: (saved, created) => ({
      title: created ? 'Skill created' : 'Skill saved',
      message: `“${saved.name}” is in the taxonomy.`,
    }),
    onDone,
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={skill ? `Edit ${skill.name}` : 'New skill'}>
      <Stack gap="md">
        {failure ? <SaveErrorAlert message={failure.message} /> : null}
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label="Category"
            required
            placeholder={categories.isPending ? 'Loading categories…' : 'Choose a category'}
            data={(categories.data?.items ?? []).map((category) => ({ value: String(category.id), label: category.name }))}
            searchable
            nothingFoundMessage="No category matches"
            {...form.getInputProps('categoryId')}
          />
          <Select label="Kind" required data={KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
        </SimpleGrid>
        <Textarea label="Description" rows={3} resize="vertical" {...form.getInputProps('description')} />
        <TextInput
          label="External reference"
          description="ESCO URI, O*NET element id or SFIA code"
          {...form.getInputProps('externalRef')}
        />
        <FormButtons onCancel={onDone} saving={saving} submitLabel={skill ? 'Save changes' : 'Create skill'} />
      </Stack>
    </form>
  );
}
