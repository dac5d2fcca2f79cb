import { ActionIcon, Anchor, Menu, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { AssignmentDto, IsoDate } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { AssignmentProgress } from '../../../components/ui/assignment-progress';
import { ASSIGNMENT_STATUS_STYLES, isOpenAssignment } from '../../../components/ui/assignment-status';
import { DataTable } from '../../../components/ui/data-table';
import { AssignmentDue } from '../../../components/ui/assignment-due';
import { useFormat } from '../../../components/ui/format-context';
import { StatusBadge } from '../../../components/ui/status-badge';

const column = createColumnHelper<AssignmentDto>();

interface AssignmentsListTableProps {
  assignments: AssignmentDto[];
  today: IsoDate;
  employeeHref: (id: number) => string;
  onExtend: (assignment: AssignmentDto) => void;
  onCancel: (assignment: AssignmentDto) => void;
  stale?: boolean;
  empty?: ReactNode;
}

/** Everyone's assignments in scope: who, what, when due, how far along, with Extend and Cancel. */
export function AssignmentsListTable({
  assignments,
  today,
  employeeHref,
  onExtend,
  onCancel,
  stale,
  empty,
}: AssignmentsListTableProps) {
  const format = useFormat();
  const columns = useMemo(
    () => [
      column.accessor('employeeName', {
        header: 'Person',
        cell: ({ row: { original } }) => (
          <Stack gap={0}>
            <Anchor component={Link} to={employeeHref(original.employeeId)} size="sm">
              {original.employeeName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {original.teamName}
            </Text>
          </Stack>
        ),
      }),
      column.accessor('title', {
        header: 'Assignment',
        cell: ({ row: { original } }) => (
          <Stack gap={0}>
            <Text size="sm">{original.title}</Text>
            <Text size="xs" c="dimmed" lineClamp={1} maw={280} title={original.note ?? undefined}>
              {original.clusterId ? 'Cluster' : 'Credential'}
              {original.assignedByName ? ` · by ${original.assignedByName}` : ''}
              {original.note ? ` · ${original.note}` : ''}
            </Text>
          </Stack>
        ),
      }),
      column.accessor('assignedAt', { header: 'Assigned', cell: (info) => format.date(info.getValue()), meta: { nowrap: true } }),
      column.accessor('dueDate', {
        header: 'Due',
        cell: ({ row: { original } }) => <AssignmentDue dueDate={original.dueDate} status={original.status} today={today} />,
        meta: { nowrap: true },
      }),
      column.display({
        id: 'progress',
        header: 'Progress',
        cell: ({ row: { original } }) => (
          <AssignmentProgress
            title={`${original.title} for ${original.employeeName}`}
            done={original.done}
            total={original.total}
            steps={original.steps}
          />
        ),
      }),
      column.accessor('status', {
        header: 'Status',
        cell: (info) => <StatusBadge status={info.getValue()} styles={ASSIGNMENT_STATUS_STYLES} />,
        meta: { nowrap: true },
      }),
      column.display({
        id: 'actions',
        header: () => <VisuallyHidden>Actions</VisuallyHidden>,
        cell: ({ row: { original } }) =>
          isOpenAssignment(original.status) ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={`Actions for ${original.title} (${original.employeeName})`}>
                  <span aria-hidden="true" style={{ fontSize: 18, lineHeight: 1 }}>
                    ⋯
                  </span>
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => onExtend(original)}>Extend due date…</Menu.Item>
                <Menu.Item color="red" onClick={() => onCancel(original)}>
                  Cancel assignment…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : null,
      }),
    ],
    [format, today, employeeHref, onExtend, onCancel],
  );

  return (
    <DataTable
      data={assignments}
      columns={columns}
      caption="Assignments"
      getRowId={(assignment) => String(assignment.id)}
      minWidth={960}
      stale={stale}
      empty={empty}
    />
  );
}
