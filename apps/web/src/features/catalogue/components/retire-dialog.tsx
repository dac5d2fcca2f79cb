import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useRetireCatalogueItem, type RetirableKind } from '../api/retire-catalogue-item';
import { notifySaved } from '../utils/notify';
import { SaveErrorAlert } from './form-parts';

export interface RetireTarget {
  id: number;
  name: string;
}

interface RetireDialogProps {
  kind: RetirableKind;
  opened: boolean;
  /** What is being retired (kept while the dialog closes). */
  target: RetireTarget | null;
  onClose: () => void;
  /** What retiring it means for this kind of record, in a sentence or two. */
  consequence: ReactNode;
  /** "Retire" (kept, marked retired) or "Delete" (capability targets are removed). */
  verb?: 'Retire' | 'Delete';
  /** "Skill", "Credential": the notification's title. */
  noun: string;
}

/** Confirms a retirement (DELETE on the record's path) and says what happens to its history. */
export function RetireDialog({ kind, opened, target, onClose, consequence, verb = 'Retire', noun }: RetireDialogProps) {
  const retire = useRetireCatalogueItem(kind);
  const close = () => {
    retire.reset();
    onClose();
  };
  const confirm = () => {
    if (!target) return;
    retire.mutate(target.id, {
      onSuccess: () => {
        notifySaved(
          `${noun} ${verb === 'Retire' ? 'retired' : 'deleted'}`,
          `“${target.name}” ${verb === 'Retire' ? 'is retired' : 'is deleted'}.`,
        );
        close();
      },
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={`${verb} “${target?.name ?? ''}”?`} size="md">
      <Stack gap="md">
        {retire.isError ? <SaveErrorAlert message={retire.error.message} /> : null}
        <Text size="sm">{consequence}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={retire.isPending}>
            Cancel
          </Button>
          <Button color="red" onClick={confirm} loading={retire.isPending}>
            {verb}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
