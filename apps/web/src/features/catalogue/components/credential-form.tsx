import { Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import type { CredentialDto, CredentialType, DeliveryMethod } from '@skillgrid/shared';
import { useMemo } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import { useAllSkills } from '../api/get-skills';
import type { CredentialInput } from '../api/save-catalogue-item';
import { useCatalogueForm } from '../hooks/use-catalogue-form';
import {
  blankToNull,
  credentialTypeOptions,
  currencySymbol,
  deliveryMethodOptions,
  levelOptions,
  skillOptionGroups,
} from '../utils/options';
import type { FormShape } from '../utils/server-errors';
import { FormButtons, ListError, SaveErrorAlert } from './form-parts';

interface GrantRow {
  key: string;
  skillId: string | null;
  level: string;
}

export interface CredentialFormValues {
  name: string;
  provider: string;
  type: string | null;
  deliveryMethod: string | null;
  hours: number | string;
  cost: number | string;
  validityMonths: number | string;
  description: string;
  url: string;
  achievementId: string;
  credlyTemplateId: string;
  badgrClassId: string;
  skills: GrantRow[];
}

const SHAPE: FormShape = {
  fields: [
    'name',
    'provider',
    'type',
    'deliveryMethod',
    'hours',
    'cost',
    'validityMonths',
    'description',
    'url',
    'achievementId',
    'credlyTemplateId',
    'badgrClassId',
  ],
  lists: { skills: ['skillId', 'level'] },
};

const newGrant = (): GrantRow => ({ key: randomId(), skillId: null, level: '1' });

function initialValues(credential: CredentialDto | null): CredentialFormValues {
  return {
    name: credential?.name ?? '',
    provider: credential?.provider ?? '',
    type: credential?.type ?? null,
    deliveryMethod: credential?.deliveryMethod ?? null,
    hours: credential?.hours ?? '',
    cost: credential?.cost ?? '',
    validityMonths: credential?.validityMonths ?? '',
    description: credential?.description ?? '',
    url: credential?.url ?? '',
    achievementId: credential?.achievementId ?? '',
    credlyTemplateId: credential?.credlyTemplateId ?? '',
    badgrClassId: credential?.badgrClassId ?? '',
    skills: (credential?.skills ?? []).map((skill) => ({
      key: randomId(),
      skillId: String(skill.skillId),
      level: String(skill.level),
    })),
  };
}

/** The request body, every field; rows stay in the form's order so the API's `skills[i]` finds row i. */
export function toCredentialInput(values: CredentialFormValues): CredentialInput {
  return {
    name: values.name.trim(),
    provider: values.provider.trim(),
    type: values.type as CredentialType,
    deliveryMethod: values.deliveryMethod as DeliveryMethod,
    hours: Number(values.hours),
    cost: Number(values.cost),
    validityMonths: values.validityMonths === '' ? null : Number(values.validityMonths),
    description: blankToNull(values.description),
    url: blankToNull(values.url),
    achievementId: blankToNull(values.achievementId),
    credlyTemplateId: blankToNull(values.credlyTemplateId),
    badgrClassId: blankToNull(values.badgrClassId),
    skills: values.skills.map((row) => ({ skillId: Number(row.skillId), level: Number(row.level) })),
  };
}

interface CredentialFormProps {
  /** Null: a new credential. */
  credential: CredentialDto | null;
  onDone: () => void;
}

export function CredentialForm({ credential, onDone }: CredentialFormProps) {
  const format = useFormat();
  const skills = useAllSkills();
  const form = useForm<CredentialFormValues>({
    mode: 'controlled',
    initialValues: initialValues(credential),
    validate: {
      name: isNotEmpty('Enter the credential’s name'),
      provider: isNotEmpty('Enter who issues it'),
      type: isNotEmpty('Choose a type'),
      deliveryMethod: isNotEmpty('Choose how it is delivered'),
      hours: (value) => (value === '' ? 'Enter the typical hours (0 when none)' : null),
      cost: (value) => (value === '' ? 'Enter the cost (0 when free)' : null),
      skills: { skillId: isNotEmpty('Choose a skill or remove this row') },
    },
  });
  const { formRef, onSubmit, failure, saving } = useCatalogueForm(form, {
    kind: 'credential',
    id: credential?.id ?? null,
    shape: SHAPE,
    toInput: toCredentialInput,
    notice: (saved, created) => ({
      title: created ? 'Credential created' : 'Credential saved',
      message: `“${saved.name}” is in the catalogue.`,
    }),
    onDone,
  });
  const levels = useMemo(() => levelOptions(format), [format]);
  const symbol = currencySymbol(format);
  const skillName = (id: string | null) => skills.data?.find((skill) => String(skill.id) === id)?.name;

  const chosen = form.values.skills.map((row) => row.skillId);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={credential ? `Edit ${credential.name}` : 'New credential'}>
      <Stack gap="md">
        {failure ? <SaveErrorAlert message={failure.message} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Provider" description="Who issues it" required {...form.getInputProps('provider')} />
          <Select label="Type" required data={credentialTypeOptions} allowDeselect={false} {...form.getInputProps('type')} />
          <Select
            label="Delivery method"
            required
            data={deliveryMethodOptions}
            allowDeselect={false}
            {...form.getInputProps('deliveryMethod')}
          />
          <NumberInput
            label="Typical hours"
            required
            min={0}
            max={10000}
            decimalScale={1}
            step={0.5}
            {...form.getInputProps('hours')}
          />
          <NumberInput
            label={`Cost (${format.settings.currency})`}
            required
            min={0}
            max={1_000_000}
            decimalScale={2}
            prefix={symbol}
            thousandSeparator
            {...form.getInputProps('cost')}
          />
          <NumberInput
            label="Valid for (months)"
            description="Leave blank when it never expires"
            min={1}
            max={600}
            allowDecimal={false}
            {...form.getInputProps('validityMonths')}
          />
          <TextInput label="Web page" type="url" placeholder="https://" {...form.getInputProps('url')} />
        </SimpleGrid>
        <Textarea label="Description" rows={3} resize="vertical" {...form.getInputProps('description')} />

        <Fieldset legend="External achievement ids" variant="filled">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label="Open Badges achievement id" {...form.getInputProps('achievementId')} />
            <TextInput label="Credly template id" {...form.getInputProps('credlyTemplateId')} />
            <TextInput label="Badgr class id" {...form.getInputProps('badgrClassId')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend="Skills granted">
          <Stack gap="sm">
            {form.values.skills.length === 0 ? (
              <Text size="sm" c="dimmed">
                None yet. A credential counts towards people’s skills through the skills it grants.
              </Text>
            ) : null}
            {form.values.skills.map((row, index) => {
              const taken = new Set(chosen.filter((id, other): id is string => id !== null && other !== index));
              const name = skillName(row.skillId) ?? `skill ${index + 1}`;
              return (
                <Group key={row.key} align="flex-start" gap="sm" wrap="wrap">
                  <Select
                    label={`Skill ${index + 1}`}
                    placeholder={skills.isPending ? 'Loading skills…' : 'Choose a skill'}
                    data={skillOptionGroups(skills.data ?? [], row.skillId, taken)}
                    searchable
                    nothingFoundMessage="No skill matches"
                    style={{ flex: '1 1 240px' }}
                    {...form.getInputProps(`skills.${index}.skillId`)}
                  />
                  <Select
                    label="Level"
                    aria-label={`Level of skill ${index + 1}`}
                    data={levels}
                    allowDeselect={false}
                    w={{ base: '100%', xs: 190 }}
                    {...form.getInputProps(`skills.${index}.level`)}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    mt={{ base: 0, xs: 25 }}
                    onClick={() => form.removeListItem('skills', index)}
                    aria-label={`Remove ${name}`}
                  >
                    Remove
                  </Button>
                </Group>
              );
            })}
            <ListError error={form.errors.skills} />
            <Group>
              <Button variant="light" onClick={() => form.insertListItem('skills', newGrant())}>
                Add a skill
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <FormButtons onCancel={onDone} saving={saving} submitLabel={credential ? 'Save changes' : 'Create credential'} />
      </Stack>
    </form>
  );
}
