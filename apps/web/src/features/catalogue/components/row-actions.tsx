import { Button, Group } from '@mantine/core';
import type { CatalogueStatus } from '@skillgrid/shared';
import type { ColumnDef } from '@tanstack/react-table';

interface RowActionsProps {
  /** The record's name, in every button's accessible name ("Edit Python basics"). */
  name: string;
  status?: CatalogueStatus;
  onEdit: () => void;
  /** Retire (or delete, with removeLabel); absent when the record cannot be. */
  onRetire?: () => void;
  onReactivate?: () => void;
  removeLabel?: string;
}

export function RowActions({ name, status = 'active', onEdit, onRetire, onReactivate, removeLabel = 'Retire' }: RowActionsProps) {
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="compact-sm" variant="light" onClick={onEdit} aria-label={`Edit ${name}`}>
        Edit
      </Button>
      {status === 'retired' && onReactivate ? (
        <Button size="compact-sm" variant="subtle" onClick={onReactivate} aria-label={`Reactivate ${name}`}>
          Reactivate
        </Button>
      ) : null}
      {status === 'active' && onRetire ? (
        <Button size="compact-sm" variant="subtle" color="red" onClick={onRetire} aria-label={`${removeLabel} ${name}`}>
          {removeLabel}
        </Button>
      ) : null}
    </Group>
  );
}

interface Retirable {
  name: string;
  status: CatalogueStatus;
}

/** The Actions column of a catalogue table whose records can be edited, retired and reactivated. */
export function retirableActionsColumn<T extends Retirable>(actions: {
  edit: (row: T) => void;
  retire: (row: T) => void;
  reactivate: (row: T) => void;
}): ColumnDef<T> {
  return {
    id: 'actions',
    header: 'Actions',
    cell: ({ row: { original } }) => (
      <RowActions
        name={original.name}
        status={original.status}
        onEdit={() => actions.edit(original)}
        onRetire={() => actions.retire(original)}
        onReactivate={() => actions.reactivate(original)}
      />
    ),
  };
}
