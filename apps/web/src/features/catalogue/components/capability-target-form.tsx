import { NumberInput, Select, SimpleGrid, Stack, type ComboboxItem } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import type { CapabilityTargetDto } from '@skillgrid/shared';
import { useMemo } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import { useAllSkills } from '../api/get-skills';
import type { CapabilityTargetInput } from '../api/save-catalogue-item';
import { useCatalogueForm } from '../hooks/use-catalogue-form';
import { levelOptions, skillOptionGroups } from '../utils/options';
import type { FormShape } from '../utils/server-errors';
import { FormButtons, SaveErrorAlert } from './form-parts';

interface TargetFormValues {
  teamId: string | null;
  skillId: string | null;
  minLevel: string;
  requiredCount: number | string;
}

const SHAPE: FormShape = { fields: ['teamId', 'skillId', 'minLevel', 'requiredCount'] };

const initialValues = (target: CapabilityTargetDto | null): TargetFormValues => ({
  teamId: target ? String(target.teamId) : null,
  skillId: target ? String(target.skillId) : null,
  minLevel: String(target?.minLevel ?? 3),
  requiredCount: target?.requiredCount ?? 2,
});

const toInput = (values: TargetFormValues): CapabilityTargetInput => ({
  teamId: Number(values.teamId),
  skillId: Number(values.skillId),
  minLevel: Number(values.minLevel),
  requiredCount: Number(values.requiredCount),
});

interface CapabilityTargetFormProps {
  target: CapabilityTargetDto | null;
  teamOptions: ComboboxItem[];
  onDone: () => void;
}

/** "Team T needs N people at level ≥ L in skill S"; one target per team and skill, so those two are fixed once set. */
export function CapabilityTargetForm({ target, teamOptions, onDone }: CapabilityTargetFormProps) {
  const format = useFormat();
  const skills = useAllSkills();
  const form = useForm<TargetFormValues>({
    mode: 'controlled',
    initialValues: initialValues(target),
    validate: {
      teamId: isNotEmpty('Choose a team'),
      skillId: isNotEmpty('Choose a skill'),
      requiredCount: (value) => (value === '' || Number(value) < 1 ? 'Enter how many people (1 or more)' : null),
    },
  });
  const label = (options: ComboboxItem[], value: string | null) => options.find((option) => option.value === value)?.label;
  const { formRef, onSubmit, failure, saving } = useCatalogueForm(form, {
    kind: 'capabilityTarget',
    id: target?.id ?? null,
    shape: SHAPE,
    toInput,
    notice: (saved, created) => {
      const skill = skills.data?.find((candidate) => candidate.id === saved.skillId)?.name ?? 'the skill';
      const team = label(teamOptions, String(saved.teamId)) ?? 'The team';
      return {
        title: created ? 'Target set' : 'Target saved',
        message: `${team} needs ${saved.requiredCount} ${saved.requiredCount === 1 ? 'person' : 'people'} at ${format.level(saved.minLevel)} or above in ${skill}.`,
      };
    },
    onDone,
  });
  const levels = useMemo(() => levelOptions(format), [format]);

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={target ? 'Edit capability target' : 'New capability target'}>
      <Stack gap="md">
        {failure ? <SaveErrorAlert message={failure.message} /> : null}
        <Select
          label="Team"
          description={target ? 'A target belongs to its team and skill; set a new one for another.' : 'With its sub-teams'}
          required
          data={teamOptions}
          searchable
          nothingFoundMessage="No team matches"
          disabled={target !== null}
          data-autofocus
          {...form.getInputProps('teamId')}
        />
        <Select
          label="Skill"
          required
          placeholder={skills.isPending ? 'Loading skills…' : 'Choose a skill'}
          data={skillOptionGroups(skills.data ?? [], form.values.skillId)}
          searchable
          nothingFoundMessage="No skill matches"
          disabled={target !== null}
          {...form.getInputProps('skillId')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select label="At level or above" required data={levels} allowDeselect={false} {...form.getInputProps('minLevel')} />
          <NumberInput
            label="People needed"
            required
            min={1}
            max={100000}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('requiredCount')}
          />
        </SimpleGrid>
        <FormButtons onCancel={onDone} saving={saving} submitLabel={target ? 'Save changes' : 'Set target'} />
      </Stack>
    </form>
  );
}
