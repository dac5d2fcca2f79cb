import { Box, Group, Stack, Text, Title } from '@mantine/core';
import type { EmployeeDto } from '@skillgrid/shared';
import type { ReactNode } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import { StatusBadge } from '../../../components/ui/status-badge';
import { EMPLOYEE_STATUS_STYLES } from './labels';

/** One term and its value: a `<div>` holding a `<dt>` and a `<dd>`, as a `<dl>` allows. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0, maxWidth: '100%' }}>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {/* Long values (e-mail addresses) break rather than push the page wider than the screen. */}
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

export function ProfileHeader({ employee, title }: { employee: EmployeeDto; title?: string }) {
  const format = useFormat();
  return (
    <Stack gap="sm">
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {title ?? employee.name}
        </Title>
        <StatusBadge status={employee.status} styles={EMPLOYEE_STATUS_STYLES} />
      </Group>
      {/* Facts take the width they need and wrap onto the next line as a whole. */}
      <Box
        component="dl"
        m={0}
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          columnGap: 'var(--mantine-spacing-xl)',
          rowGap: 'var(--mantine-spacing-sm)',
        }}
      >
        {title ? <Fact label="Name">{employee.name}</Fact> : null}
        <Fact label="Role">{employee.roleName}</Fact>
        <Fact label="Team">{employee.teamName}</Fact>
        <Fact label="Location">{employee.locationName ?? 'Not set'}</Fact>
        <Fact label="Manager">{employee.managerName ?? 'None'}</Fact>
        <Fact label="E-mail">{employee.email}</Fact>
        <Fact label={employee.status === 'left' ? 'Employed' : 'Since'}>
          {employee.status === 'left'
            ? `${format.date(employee.hireDate)} – ${format.date(employee.leaveDate)}`
            : format.date(employee.hireDate)}
        </Fact>
      </Box>
    </Stack>
  );
}
