import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { addDays } from '@skillgrid/shared';
import type { IsoDate, RecommendationDto } from '@skillgrid/shared';
import { useState } from 'react';
import { errorMessage } from '../../../components/ui/error-state';
import { useFormat } from '../../../components/ui/format-context';
import { useAssignRecommended } from '../api/create-assignments';
import { DueDateInput, dueDateError } from './due-date-input';

interface AssignRecommendedProps {
  employeeName: string;
  recommendation: RecommendationDto;
  today: IsoDate;
}

const DEFAULT_DUE_DAYS = 60;

/** "Assign these": one assignment per recommended credential, all due on one date. */
export function AssignRecommended({ employeeName, recommendation, today }: AssignRecommendedProps) {
  const format = useFormat();
  const assign = useAssignRecommended();
  const [dueDate, setDueDate] = useState<string>(addDays(today, DEFAULT_DUE_DAYS));
  const [dateError, setDateError] = useState<string | null>(null);
  const count = recommendation.credentials.length;
  const what = count === 1 ? 'this credential' : `these ${count} credentials`;

  const submit = () => {
    const error = dueDateError(dueDate, today);
    setDateError(error);
    if (error) return;
    assign.mutate(
      {
        employeeId: recommendation.employeeId,
        credentialIds: recommendation.credentials.map((credential) => credential.credentialId),
        dueDate,
        note: `Recommended to close the gap to ${recommendation.role.name}`,
      },
      {
        onSuccess: ({ items }) =>
          notifications.show({
            color: 'teal',
            message: `${items.length === 1 ? '1 assignment' : `${items.length} assignments`} created for ${employeeName}.`,
          }),
      },
    );
  };

  if (assign.isSuccess) {
    const { items, skipped } = assign.data;
    return (
      <Alert
        color="teal"
        variant="light"
        title={`${items.length === 1 ? '1 assignment' : `${items.length} assignments`} created`}
      >
        <Stack gap={4}>
          <Text size="sm">
            Due {format.date(dueDate)}. They appear under Assignments below and on {employeeName}’s My skills.
          </Text>
          {skipped.length ? (
            <List size="sm" spacing={2} aria-label="Skipped">
              {skipped.map((person) => (
                <List.Item key={`${person.employeeId}-${person.assignmentId}`}>Skipped: {person.reason}</List.Item>
              ))}
            </List>
          ) : null}
        </Stack>
      </Alert>
    );
  }

  return (
    <form
      noValidate
      aria-label={`Assign the recommended credentials to ${employeeName}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        {assign.isError ? (
          <Alert color="red" variant="light" role="alert" title="Not all were assigned">
            {errorMessage(assign.error)}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <DueDateInput
            label="Due date"
            today={today}
            value={dueDate}
            onChange={(value) => {
              setDueDate(value);
              setDateError(null);
            }}
            error={dateError}
            w={{ base: '100%', sm: 180 }}
          />
          <Button type="submit" loading={assign.isPending}>
            Assign {what}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
