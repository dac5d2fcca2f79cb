import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { useFormat } from '../../components/ui/format-context';
import { ErrorState } from '../../components/ui/error-state';
import { PaginationBar } from '../../components/ui/pagination-bar';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { useEmployees } from '../../features/employees/api/get-employees';
import { EmployeeFilters } from '../../features/employees/components/employee-filters';
import { EmployeesTable } from '../../features/employees/components/employees-table';
import { hasActiveFilters, useEmployeeListFilters } from '../../features/employees/hooks/use-employee-list-filters';
import { useRoleOptions, useTeamOptions } from '../filter-options';
import { useCurrentUser } from '../guards/session';

const employeeHref = (id: number) => `/employees/${id}`;

/** HR's and admins' employee directory; a manager's "My people" (the server scopes it). */
export function EmployeesPage() {
  const user = useCurrentUser();
  const title = user.role === 'manager' ? 'My people' : 'Employees';
  useDocumentTitle(`${title} · Skillgrid`);
  const format = useFormat();
  const navigate = useNavigate();
  const { filters, update, clear } = useEmployeeListFilters();
  const employees = useEmployees(filters);
  const teams = useTeamOptions();
  const roles = useRoleOptions();

  const filtered = hasActiveFilters(filters);
  const empty = filtered ? (
    <EmptyState
      title="No employees match these filters"
      description="Nobody in your scope matches the search, team, role and status chosen. Widen the search or clear the filters."
      action={
        <Button variant="light" size="xs" onClick={clear}>
          Clear filters
        </Button>
      }
    />
  ) : (
    <EmptyState
      title={user.role === 'manager' ? 'No one in the teams you manage yet' : 'No employees yet'}
      description={
        user.role === 'manager'
          ? 'The teams you manage have no members on record. HR keeps team membership up to date.'
          : 'Import employees from your HR system (CSV or XLSX) to get started.'
      }
    />
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          {title}
        </Title>
        {employees.data ? (
          <Text size="sm" c="dimmed">
            {employees.data.total === 1 ? '1 person' : `${format.number(employees.data.total)} people`}
          </Text>
        ) : null}
      </Group>

      <EmployeeFilters
        filters={filters}
        onChange={update}
        teamOptions={teams.options}
        roleOptions={roles.options}
        optionsLoading={teams.loading || roles.loading}
      />

      {employees.isPending ? (
        <TableSkeleton label="Loading employees" />
      ) : employees.isError && !employees.data ? (
        <ErrorState
          error={employees.error}
          title="Could not load employees"
          onRetry={() => void employees.refetch()}
          retrying={employees.isFetching}
        />
      ) : (
        <>
          <EmployeesTable
            employees={employees.data.items}
            employeeHref={employeeHref}
            onOpen={(id) => navigate(employeeHref(id))}
            stale={employees.isPlaceholderData}
            empty={empty}
          />
          {employees.data.total > 0 ? (
            <PaginationBar
              page={filters.page}
              pageSize={filters.pageSize}
              total={employees.data.total}
              noun="employees"
              onPageChange={(page) => update({ page })}
              onPageSizeChange={(pageSize) => update({ pageSize })}
            />
          ) : null}
        </>
      )}
    </Stack>
  );
}

export default EmployeesPage;
