import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import type { CreateAssignmentsResultDto } from '@skillgrid/shared';
import { useFormat } from '../../../components/ui/format-context';

interface AssignResultProps {
  result: CreateAssignmentsResultDto;
  onAgain: () => void;
  onDone: () => void;
}

/** What a POST /assignments did: how many were created, and who was left out and why. */
export function AssignResult({ result, onAgain, onDone }: AssignResultProps) {
  const format = useFormat();
  const created = result.total === 1 ? '1 assignment' : `${format.number(result.total)} assignments`;
  return (
    <Stack gap="md" role="status" aria-live="polite">
      <Alert color={result.total > 0 ? 'teal' : 'yellow'} variant="light" title={`${created} created`}>
        {result.total > 0
          ? `${result.items[0]?.title ?? 'The assignment'} is now on ${result.total === 1 ? 'their' : 'each person’s'} list, due ${format.date(result.items[0]?.dueDate)}.`
          : 'Nobody new was assigned.'}
      </Alert>
      {result.skipped.length > 0 ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {result.skipped.length === 1 ? '1 person was skipped' : `${result.skipped.length} people were skipped`}
          </Text>
          <List size="sm" spacing={2} aria-label="Skipped people">
            {result.skipped.map((person) => (
              <List.Item key={person.employeeId}>
                {person.employeeName}: {person.reason}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onAgain}>
          Assign more
        </Button>
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
