import { Stack, Text } from '@mantine/core';
import type { AssignmentDto, IsoDate } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { EmptyState } from '../../../components/ui/empty-state';
import { AssignmentDue } from '../../../components/ui/assignment-due';
import { useFormat } from '../../../components/ui/format-context';
import { AssignmentProgress } from '../../../components/ui/assignment-progress';
import { ASSIGNMENT_STATUS_STYLES } from '../../../components/ui/assignment-status';
import { StatusBadge } from '../../../components/ui/status-badge';

const column = createColumnHelper<AssignmentDto>();

/** One person's assignments: what, by whom, when due, how far along. */
export function AssignmentsTable({ assignments, asOf }: { assignments: AssignmentDto[]; asOf: IsoDate }) {
  const format = useFormat();
  const columns = useMemo(
    () => [
      column.accessor('title', {
        header: 'Assignment',
        cell: ({ row: { original } }) => (
          <Stack gap={0}>
            <Text size="sm">{original.title}</Text>
            <Text size="xs" c="dimmed">
              {original.clusterId ? 'Cluster' : 'Credential'}
              {original.note ? ` · ${original.note}` : ''}
            </Text>
          </Stack>
        ),
      }),
      column.accessor('assignedAt', {
        header: 'Assigned',
        cell: ({ row: { original } }) => (
          <Stack gap={0}>
            <Text size="sm">{format.date(original.assignedAt)}</Text>
            {original.assignedByName ? (
              <Text size="xs" c="dimmed">
                by {original.assignedByName}
              </Text>
            ) : null}
          </Stack>
        ),
        meta: { nowrap: true },
      }),
      column.accessor('dueDate', {
        header: 'Due',
        cell: ({ row: { original } }) => <AssignmentDue dueDate={original.dueDate} status={original.status} today={asOf} />,
        meta: { nowrap: true },
      }),
      column.display({
        id: 'progress',
        header: 'Progress',
        cell: ({ row: { original } }) => (
          <AssignmentProgress title={original.title} done={original.done} total={original.total} steps={original.steps} />
        ),
      }),
      column.accessor('status', {
        header: 'Status',
        cell: (info) => <StatusBadge status={info.getValue()} styles={ASSIGNMENT_STATUS_STYLES} />,
        meta: { nowrap: true },
      }),
    ],
    [format, asOf],
  );

  return (
    <DataTable
      data={assignments}
      columns={columns}
      caption="Assignments with progress"
      getRowId={(assignment) => String(assignment.id)}
      minWidth={720}
      singleLineOnPhone
      empty={
        <EmptyState
          title="No assignments"
          description="Nothing has been assigned yet. A manager or HR can assign a credential or a cluster."
        />
      }
    />
  );
}
