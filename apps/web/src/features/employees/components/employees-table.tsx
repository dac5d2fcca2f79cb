import { Anchor, Text } from '@mantine/core';
import type { EmployeeListItemDto } from '@skillgrid/shared';
import { createColumnHelper } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { StatusBadge } from '../../../components/ui/status-badge';
import { EMPLOYEE_STATUS_STYLES } from './labels';

interface EmployeesTableProps {
  employees: EmployeeListItemDto[];
  employeeHref: (id: number) => string;
  onOpen: (id: number) => void;
  stale?: boolean;
  empty?: ReactNode;
}

const column = createColumnHelper<EmployeeListItemDto>();

function makeColumns(employeeHref: (id: number) => string) {
  return [
    column.accessor('name', {
      header: 'Name',
      cell: ({ row: { original } }) => (
        <Anchor component={Link} to={employeeHref(original.id)} fw={500} size="sm">
          {original.name}
        </Anchor>
      ),
      meta: { nowrap: true },
    }),
    // An address broken at its hyphen reads as two things: it stays on one line, and the table
    // scrolls inside its container when the screen is too narrow for it.
    column.accessor('email', {
      header: 'E-mail',
      cell: (info) => <Text size="sm">{info.getValue()}</Text>,
      meta: { nowrap: true },
    }),
    column.accessor('teamName', { header: 'Team' }),
    column.accessor('roleName', { header: 'Role' }),
    column.accessor('locationName', {
      header: 'Location',
      cell: (info) =>
        info.getValue() ?? (
          <Text c="dimmed" size="sm">
            Not set
          </Text>
        ),
    }),
    column.accessor('status', {
      header: 'Status',
      cell: (info) => <StatusBadge status={info.getValue()} styles={EMPLOYEE_STATUS_STYLES} />,
      meta: { nowrap: true },
    }),
  ];
}

export function EmployeesTable({ employees, employeeHref, onOpen, stale, empty }: EmployeesTableProps) {
  return (
    <DataTable
      data={employees}
      columns={makeColumns(employeeHref)}
      caption="Employees"
      getRowId={(employee) => String(employee.id)}
      onRowClick={(employee) => onOpen(employee.id)}
      // A 1280 px screen still shows it whole (team, role and location wrap); on a phone every row
      // is one line and the table scrolls sideways.
      minWidth={1000}
      singleLineOnPhone
      stale={stale}
      empty={empty}
    />
  );
}
