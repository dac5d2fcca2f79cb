import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AssignmentDto, IsoDate } from '@skillgrid/shared';
import { useState } from 'react';
import { errorMessage } from '../../../components/ui/error-state';
import { useFormat } from '../../../components/ui/format-context';
import { isApiError } from '../../../lib/api-client';
import { useUpdateAssignment } from '../api/update-assignment';
import { formFieldErrors } from '../utils/field-errors';
import { DueDateInput, dueDateError } from './due-date-input';

interface ExtendDueDateModalProps {
  assignment: AssignmentDto;
  today: IsoDate;
  onClose: () => void;
}

/** A new due date (today or later) and, optionally, a changed note. */
export function ExtendDueDateModal({ assignment, today, onClose }: ExtendDueDateModalProps) {
  const format = useFormat();
  const update = useUpdateAssignment();
  const [dueDate, setDueDate] = useState(assignment.dueDate < today ? today : assignment.dueDate);
  const [note, setNote] = useState(assignment.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = isApiError(update.error)
    ? formFieldErrors(update.error.errors, { dueDate: 'dueDate', note: 'note' })
    : { fields: {}, other: [] };
  const fieldErrors = { ...serverErrors.fields, ...errors };
  const generalError = update.isError && Object.keys(serverErrors.fields).length === 0 ? errorMessage(update.error) : null;

  const submit = () => {
    const dateError = dueDateError(dueDate, today);
    setErrors(dateError ? { dueDate: dateError } : {});
    if (dateError) return;
    const trimmed = note.trim();
    update.mutate(
      { id: assignment.id, dueDate, note: trimmed === (assignment.note ?? '') ? undefined : trimmed || null },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: `${saved.title} for ${saved.employeeName} is now due ${format.date(saved.dueDate)}.`,
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="Extend the due date" centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {assignment.title} for {assignment.employeeName}, due {format.date(assignment.dueDate)}.
          </Text>
          {generalError ? (
            <Alert color="red" variant="light" role="alert" title="Not saved">
              {generalError}
            </Alert>
          ) : null}
          <DueDateInput
            label="New due date"
            required
            today={today}
            value={dueDate}
            onChange={setDueDate}
            error={fieldErrors['dueDate']}
            data-autofocus
          />
          <Textarea
            label="Note"
            description="Optional; the person sees it with the assignment"
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
            error={fieldErrors['note']}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save due date
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
