import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ProficiencyLevelDto } from '@skillgrid/shared';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../../lib/api-client';
import { useUpdateLevels } from '../api/update-levels';

interface LevelsFormProps {
  levels: ProficiencyLevelDto[];
  /** HR edits; everyone else reads. */
  canEdit: boolean;
}

type Errors = Record<string, string>;

/** What the client can tell before sending: every label filled in and distinct (the server checks again). */
function validate(rows: ProficiencyLevelDto[]): Errors {
  const errors: Errors = {};
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const key = row.label.trim().toLowerCase();
    if (!key) errors[`levels[${index}].label`] = 'Enter a label';
    else if (seen.has(key)) errors[`levels[${index}].label`] = `Already the label of level ${seen.get(key)}`;
    else seen.set(key, row.level);
  });
  return errors;
}

/** The proficiency scale: the numbers 1–5 are fixed, their labels and meanings are the organisation's. */
export function LevelsForm({ levels, canEdit }: LevelsFormProps) {
  const update = useUpdateLevels();
  const [rows, setRows] = useState(levels);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const changed = rows.some(
    (row, index) => row.label !== levels[index]?.label || (row.description ?? '') !== (levels[index]?.description ?? ''),
  );

  const edit = (index: number, field: 'label' | 'description', value: string) => {
    setRows((current) => current.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
    setErrors(({ [`levels[${index}].${field}`]: _removed, ...rest }) => rest);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(rows);
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length) return;
    update.mutate(
      {
        levels: rows.map((row) => ({ level: row.level, label: row.label.trim(), description: row.description?.trim() || null })),
      },
      {
        onSuccess: (organisation) => {
          setRows(organisation.levels);
          notifications.show({ color: 'teal', title: 'Levels saved', message: 'Every page now shows the new labels.' });
        },
        onError: (error) => {
          const fields: Errors = {};
          for (const item of isApiError(error) ? error.errors : []) if (item.field) fields[item.field] = item.message;
          setErrors(fields);
          setGeneral(Object.keys(fields).length ? null : error.message);
        },
      },
    );
  };

  if (!canEdit)
    return (
      <Table striped withTableBorder aria-label="Proficiency levels">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Level</Table.Th>
            <Table.Th scope="col">Label</Table.Th>
            <Table.Th scope="col">What it means</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.map((level) => (
            <Table.Tr key={level.level}>
              <Table.Td>{level.level}</Table.Td>
              <Table.Td>{level.label}</Table.Td>
              <Table.Td>{level.description ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );

  return (
    <form noValidate onSubmit={submit} aria-label="Proficiency levels">
      <Stack gap="md" maw={760}>
        <Text size="sm" c="dimmed">
          Levels are numbered 1 (lowest) to 5; requirements, credentials and reports use the numbers. The labels are how everyone
          reads them.
        </Text>
        {general ? (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {general}
          </Alert>
        ) : null}
        {rows.map((row, index) => (
          <Group key={row.level} align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              label={`Label of level ${row.level}`}
              required
              maxLength={60}
              value={row.label}
              onChange={(event) => edit(index, 'label', event.currentTarget.value)}
              error={errors[`levels[${index}].label`]}
              w={{ base: '100%', sm: 220 }}
            />
            <TextInput
              label={`Meaning of level ${row.level}`}
              maxLength={500}
              placeholder="Optional: what someone at this level can do"
              value={row.description ?? ''}
              onChange={(event) => edit(index, 'description', event.currentTarget.value)}
              error={errors[`levels[${index}].description`]}
              style={{ flex: 1 }}
              miw={240}
            />
          </Group>
        ))}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" disabled={!changed || update.isPending} onClick={() => setRows(levels)}>
            Undo changes
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!changed}>
            Save levels
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
