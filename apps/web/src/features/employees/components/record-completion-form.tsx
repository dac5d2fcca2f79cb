import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, type ComboboxItem } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CreateCompletionRequestDto, IsoDate } from '@skillgrid/shared';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useRecordCompletion } from '../api/record-completion';

interface RecordCompletionFormProps {
  employeeId: number;
  employeeName: string;
  /** Active credentials of the catalogue. */
  credentials: ComboboxItem[];
  credentialsLoading?: boolean;
  /** The organisation's today: the latest award date allowed. */
  today: IsoDate;
  onDone: () => void;
}

type Field = 'credentialId' | 'awardedAt' | 'expiresAt' | 'evidenceUrl' | 'score';
const FIELDS: readonly Field[] = ['credentialId', 'awardedAt', 'expiresAt', 'evidenceUrl', 'score'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The checks the server makes too, so most mistakes show before anything is sent. */
function validate(values: Record<Field, string>, today: IsoDate): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!values.credentialId) errors.credentialId = 'Choose the credential earned';
  if (!ISO_DATE.test(values.awardedAt)) errors.awardedAt = 'Enter the date it was awarded';
  else if (values.awardedAt > today) errors.awardedAt = 'The award date cannot be in the future';
  if (values.expiresAt && values.expiresAt <= values.awardedAt) errors.expiresAt = 'The expiry must be after the award date';
  if (values.evidenceUrl && !/^https?:\/\/\S+$/i.test(values.evidenceUrl)) errors.evidenceUrl = 'Enter a web address (https://…)';
  return errors;
}

/** HR and managers record a completion by hand (a course finished outside any connected system). */
export function RecordCompletionForm({
  employeeId,
  employeeName,
  credentials,
  credentialsLoading,
  today,
  onDone,
}: RecordCompletionFormProps) {
  const record = useRecordCompletion();
  const [values, setValues] = useState<Record<Field, string>>({
    credentialId: '',
    awardedAt: today,
    expiresAt: '',
    evidenceUrl: '',
    score: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const set = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(values, today);
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length) return;
    const body: CreateCompletionRequestDto = {
      employeeId,
      credentialId: Number(values.credentialId),
      awardedAt: values.awardedAt,
      ...(values.expiresAt ? { expiresAt: values.expiresAt } : {}),
      ...(values.evidenceUrl ? { evidenceUrl: values.evidenceUrl.trim() } : {}),
      ...(values.score ? { score: Number(values.score) } : {}),
    };
    record.mutate(body, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'teal',
          title: 'Completion recorded',
          message: `${saved.credentialName} for ${employeeName}, awarded ${saved.awardedAt}.`,
        });
        onDone();
      },
      onError: (error) => {
        const fieldErrors: Partial<Record<Field, string>> = {};
        const rest: string[] = [];
        for (const item of isApiError(error) ? error.errors : []) {
          const field = FIELDS.find((name) => name === item.field);
          if (field) fieldErrors[field] = item.message;
          else rest.push(item.field ? `${item.field}: ${item.message}` : item.message);
        }
        setErrors(fieldErrors);
        setGeneral(rest.length || !Object.keys(fieldErrors).length ? [error.message, ...rest].join(' ') : null);
      },
    });
  };

  return (
    <form noValidate onSubmit={submit} aria-label={`Record a completion for ${employeeName}`}>
      <Stack gap="md">
        {general ? (
          <Alert color="red" variant="light" role="alert" title="Not recorded">
            {general}
          </Alert>
        ) : null}
        <Select
          label="Credential"
          required
          searchable
          data={credentials}
          placeholder={credentialsLoading ? 'Loading the catalogue…' : 'Search the catalogue'}
          nothingFoundMessage="No credential matches"
          value={values.credentialId || null}
          onChange={(value) => set('credentialId')(value ?? '')}
          error={errors.credentialId}
          data-autofocus
          comboboxProps={{ withinPortal: true }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            type="date"
            label="Awarded on"
            required
            max={today}
            value={values.awardedAt}
            onChange={(event) => set('awardedAt')(event.currentTarget.value)}
            error={errors.awardedAt}
          />
          <TextInput
            type="date"
            label="Expires on"
            description="Blank: from the credential’s validity"
            value={values.expiresAt}
            onChange={(event) => set('expiresAt')(event.currentTarget.value)}
            error={errors.expiresAt}
          />
          <TextInput
            type="url"
            label="Evidence link"
            placeholder="https://"
            value={values.evidenceUrl}
            onChange={(event) => set('evidenceUrl')(event.currentTarget.value)}
            error={errors.evidenceUrl}
          />
          <NumberInput
            label="Score"
            min={0}
            max={1000}
            decimalScale={2}
            value={values.score}
            onChange={(value) => set('score')(String(value))}
            error={errors.score}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={record.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={record.isPending}>
            Record completion
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
