import { Group, Progress, Text } from '@mantine/core';
import type { AssignmentDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { EmptyState } from '../../../components/ui/empty-state';
import { useFormat } from '../../../components/ui/format-context';
import { StatusBadge } from '../../../components/ui/status-badge';
import { ASSIGNMENT_STATUS_STYLES } from './labels';

const column = createColumnHelper<AssignmentDto>();

export function AssignmentsTable({ assignments }: { assignments: AssignmentDto[] }) {
  const format = useFormat();
  const columns = useMemo(
    () => [
      column.accessor('title', { header: 'Assignment' }),
      column.accessor('assignedAt', { header: 'Assigned', cell: (info) => format.date(info.getValue()), meta: { nowrap: true } }),
      column.accessor('dueDate', { header: 'Due', cell: (info) => format.date(info.getValue()), meta: { nowrap: true } }),
      column.display({
        id: 'progress',
        header: 'Progress',
        cell: ({ row: { original } }) => (
          <Group gap="xs" wrap="nowrap" miw={140}>
            <Progress
              value={original.total > 0 ? (original.done / original.total) * 100 : 0}
              w={80}
              size="sm"
              color="teal"
              aria-label={`${original.title}: ${original.done} of ${original.total} credentials done`}
            />
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {original.done}/{original.total}
            </Text>
          </Group>
        ),
      }),
      column.accessor('status', {
        header: 'Status',
        cell: (info) => <StatusBadge status={info.getValue()} styles={ASSIGNMENT_STATUS_STYLES} />,
        meta: { nowrap: true },
      }),
    ],
    [format],
  );

  return (
    <DataTable
      data={assignments}
      columns={columns}
      caption="Assignments with progress"
      getRowId={(assignment) => String(assignment.id)}
      minWidth={640}
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
