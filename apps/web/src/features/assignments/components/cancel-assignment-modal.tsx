import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AssignmentDto } from '@skillgrid/shared';
import { errorMessage } from '../../../components/ui/error-state';
import { useCancelAssignment } from '../api/cancel-assignment';

/** Asks before cancelling: the assignment stays on record as cancelled. */
export function CancelAssignmentModal({ assignment, onClose }: { assignment: AssignmentDto; onClose: () => void }) {
  const cancel = useCancelAssignment();
  return (
    <Modal opened onClose={onClose} title="Cancel this assignment?" centered>
      <Stack gap="sm">
        <Text size="sm">
          {assignment.title} for {assignment.employeeName} ({assignment.done} of {assignment.total} done). It stays on record as
          cancelled and no longer counts as due or overdue.
        </Text>
        {cancel.isError ? (
          <Alert color="red" variant="light" role="alert" title="Not cancelled">
            {errorMessage(cancel.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep it
          </Button>
          <Button
            color="red"
            loading={cancel.isPending}
            onClick={() =>
              cancel.mutate(assignment.id, {
                onSuccess: (saved) => {
                  notifications.show({ color: 'teal', message: `${saved.title} for ${saved.employeeName} is cancelled.` });
                  onClose();
                },
              })
            }
          >
            Cancel assignment
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
