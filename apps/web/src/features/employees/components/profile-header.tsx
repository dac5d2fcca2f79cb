import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { EmployeeDto } from '@skillgrid/shared';
import type { ReactNode } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import { StatusBadge } from '../../../components/ui/status-badge';
import { EMPLOYEE_STATUS_STYLES } from './labels';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function ProfileHeader({ employee, title }: { employee: EmployeeDto; title?: string }) {
  const format = useFormat();
  return (
    <Stack gap="sm">
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1} size="h2">
          {title ?? employee.name}
        </Title>
        <StatusBadge status={employee.status} styles={EMPLOYEE_STATUS_STYLES} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0}>
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
      </SimpleGrid>
    </Stack>
  );
}
