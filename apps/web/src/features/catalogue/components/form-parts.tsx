import { Alert, Button, Group, Input, Modal, type ModalProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface FormDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: ModalProps['size'];
  children: ReactNode;
}

/**
 * A modal for a catalogue form: full screen on phones; a click outside does not close it (and
 * lose what was typed), Escape and Cancel do.
 */
export function FormDialog({ opened, onClose, title, size = 'lg', children }: FormDialogProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} fullScreen={phone} closeOnClickOutside={false}>
      {children}
    </Modal>
  );
}

/** "Not saved", with what the API said that belongs to no field (the rest is beside the fields). */
export function SaveErrorAlert({ message }: { message: string | null }) {
  return (
    <Alert color="red" variant="light" role="alert" title="Not saved">
      {message ?? 'Check the messages beside the fields below.'}
    </Alert>
  );
}

/** An error about a whole list (no credential chosen, a skill that does not exist). */
export function ListError({ error, id }: { error: ReactNode; id?: string }) {
  if (!error) return null;
  return <Input.Error id={id}>{error}</Input.Error>;
}

export function FormButtons({ onCancel, saving, submitLabel }: { onCancel: () => void; saving: boolean; submitLabel: string }) {
  return (
    <Group justify="flex-end" gap="sm" mt="md">
      <Button variant="default" onClick={onCancel} disabled={saving}>
        Cancel
      </Button>
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  );
}
