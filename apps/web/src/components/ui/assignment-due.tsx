import { Stack, Text } from '@mantine/core';
import type { AssignmentStatus, IsoDate } from '@skillgrid/shared';
import { dueInWords, isOpenAssignment } from './assignment-status';
import { useFormat } from './format-context';

/** An assignment's due date, and for an open one how it stands on `today` ("in 3 days", "5 days late"). */
export function AssignmentDue({ dueDate, status, today }: { dueDate: IsoDate; status: AssignmentStatus; today: IsoDate }) {
  const format = useFormat();
  return (
    <Stack gap={0}>
      <Text size="sm">{format.date(dueDate)}</Text>
      {isOpenAssignment(status) ? (
        <Text size="xs" c={status === 'overdue' ? 'red.9' : 'dimmed'}>
          {dueInWords(dueDate, today)}
        </Text>
      ) : null}
    </Stack>
  );
}
