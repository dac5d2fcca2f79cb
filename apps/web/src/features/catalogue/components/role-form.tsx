import { Button, Fieldset, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import type { RoleDto } from '@skillgrid/shared';
import { useMemo } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import { useAllSkills } from '../api/get-skills';
import type { RoleInput } from '../api/save-catalogue-item';
import { useCatalogueForm } from '../hooks/use-catalogue-form';
import { blankToNull, levelOptions, skillOptionGroups, weightOptions } from '../utils/options';
import type { FormShape } from '../utils/server-errors';
import { FormButtons, ListError, SaveErrorAlert } from './form-parts';

interface RequirementRow {
  key: string;
  skillId: string | null;
  requiredLevel: string;
  weight: string;
}

export interface RoleFormValues {
  name: string;
  family: string;
  description: string;
  requirements: RequirementRow[];
}

const SHAPE: FormShape = {
  fields: ['name', 'family', 'description'],
  lists: { requirements: ['skillId', 'requiredLevel', 'weight'] },
};

const newRequirement = (): RequirementRow => ({ key: randomId(), skillId: null, requiredLevel: '2', weight: '2' });

function initialValues(role: RoleDto | null): RoleFormValues {
  return {
    name: role?.name ?? '',
    family: role?.family ?? '',
    description: role?.description ?? '',
    requirements: (role?.requirements ?? []).map((requirement) => ({
      key: randomId(),
      skillId: String(requirement.skillId),
      requiredLevel: String(requirement.requiredLevel),
      weight: String(requirement.weight),
    })),
  };
}

function toInput(values: RoleFormValues): RoleInput {
  return {
    name: values.name.trim(),
    family: blankToNull(values.family),
    description: blankToNull(values.description),
    requirements: values.requirements.map((row) => ({
      skillId: Number(row.skillId),
      requiredLevel: Number(row.requiredLevel),
      weight: Number(row.weight),
    })),
  };
}

/** A job role and the skills it requires, each at a level and with a weight (3 = critical). */
export function RoleForm({ role, onDone }: { role: RoleDto | null; onDone: () => void }) {
  const format = useFormat();
  const skills = useAllSkills();
  const form = useForm<RoleFormValues>({
    mode: 'controlled',
    initialValues: initialValues(role),
    validate: {
      name: isNotEmpty('Enter the role’s name'),
      requirements: { skillId: isNotEmpty('Choose a skill or remove this requirement') },
    },
  });
  const { formRef, onSubmit, failure, saving } = useCatalogueForm(form, {
    kind: 'role',
    id: role?.id ?? null,
    shape: SHAPE,
    toInput,
    notice: (saved, created) => ({
      title: created ? 'Role created' : 'Role saved',
      message: `“${saved.name}” requires ${saved.requirements.length} skill${saved.requirements.length === 1 ? '' : 's'}.`,
    }),
    onDone,
  });
  const levels = useMemo(() => levelOptions(format), [format]);
  const skillName = (id: string | null) => skills.data?.find((skill) => String(skill.id) === id)?.name;
  const chosen = form.values.requirements.map((row) => row.skillId);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={role ? `Edit ${role.name}` : 'New role'}>
      <Stack gap="md">
        {failure ? <SaveErrorAlert message={failure.message} /> : null}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label="Name" required data-autofocus miw={220} {...form.getInputProps('name')} />
          <TextInput label="Family" description="For example Finance, Engineering" miw={220} {...form.getInputProps('family')} />
        </Group>
        <Textarea label="Description" rows={3} resize="vertical" {...form.getInputProps('description')} />

        <Fieldset legend="Required skills">
          <Stack gap="sm">
            {role && role.requirements.length > 0 ? (
              <Text size="xs" c="dimmed">
                A change applies to everyone in the role from now on: their readiness and the gap figures are recomputed.
              </Text>
            ) : null}
            {form.values.requirements.length === 0 ? (
              <Text size="sm" c="dimmed">
                None yet. Readiness for a role is measured against its required skills.
              </Text>
            ) : null}
            {form.values.requirements.map((row, index) => {
              const taken = new Set(chosen.filter((id, other): id is string => id !== null && other !== index));
              const n = index + 1;
              return (
                <Group key={row.key} align="flex-start" gap="sm" wrap="wrap">
                  <Select
                    label={`Skill ${n}`}
                    placeholder={skills.isPending ? 'Loading skills…' : 'Choose a skill'}
                    data={skillOptionGroups(skills.data ?? [], row.skillId, taken)}
                    searchable
                    nothingFoundMessage="No skill matches"
                    style={{ flex: '1 1 220px' }}
                    {...form.getInputProps(`requirements.${index}.skillId`)}
                  />
                  <Select
                    label="Required level"
                    aria-label={`Required level of skill ${n}`}
                    data={levels}
                    allowDeselect={false}
                    w={{ base: '100%', xs: 180 }}
                    {...form.getInputProps(`requirements.${index}.requiredLevel`)}
                  />
                  <Select
                    label="Weight"
                    aria-label={`Weight of skill ${n}`}
                    data={weightOptions}
                    allowDeselect={false}
                    w={{ base: '100%', xs: 150 }}
                    {...form.getInputProps(`requirements.${index}.weight`)}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    mt={{ base: 0, xs: 25 }}
                    onClick={() => form.removeListItem('requirements', index)}
                    aria-label={`Remove ${skillName(row.skillId) ?? `skill ${n}`}`}
                  >
                    Remove
                  </Button>
                </Group>
              );
            })}
            <ListError error={form.errors.requirements} />
            <Group>
              <Button variant="light" onClick={() => form.insertListItem('requirements', newRequirement())}>
                Add a required skill
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <FormButtons onCancel={onDone} saving={saving} submitLabel={role ? 'Save changes' : 'Create role'} />
      </Stack>
    </form>
  );
}
