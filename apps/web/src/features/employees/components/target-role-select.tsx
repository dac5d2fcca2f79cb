import { Group, Select, Text, type ComboboxItem } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { EmployeeDto } from '@skillgrid/shared';
import { errorMessage } from '../../../components/ui/error-state';
import { useUpdateTargetRole } from '../api/update-target-role';
import type { ProfileSubject } from '../api/keys';

interface TargetRoleSelectProps {
  subject: ProfileSubject;
  employee: EmployeeDto;
  roleOptions: ComboboxItem[];
  loading?: boolean;
  /** "Your career goal" on My skills. */
  self?: boolean;
}

/** The career-goal role: saved as soon as it is chosen; the profile and recommendations follow. */
export function TargetRoleSelect({ subject, employee, roleOptions, loading, self }: TargetRoleSelectProps) {
  const update = useUpdateTargetRole(subject);
  // The employee's own role is not a goal.
  const options = roleOptions.filter((option) => option.value !== String(employee.roleId));

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={self ? 'Your career goal' : 'Career goal'}
        description="A role to grow into: its gaps and recommendations appear below"
        placeholder={loading ? 'Loading roles…' : 'No career goal'}
        data={options}
        value={employee.targetRoleId ? String(employee.targetRoleId) : null}
        onChange={(value) =>
          update.mutate(value ? Number(value) : null, {
            onSuccess: (saved) =>
              notifications.show({
                color: 'teal',
                message: saved.targetRoleName ? `Career goal set to ${saved.targetRoleName}.` : 'Career goal cleared.',
              }),
          })
        }
        searchable
        clearable
        nothingFoundMessage="No role matches"
        disabled={update.isPending}
        error={update.isError ? errorMessage(update.error) : undefined}
        w={{ base: '100%', sm: 340 }}
        comboboxProps={{ withinPortal: true }}
      />
      {update.isPending ? (
        <Text size="sm" c="dimmed" mb={8} role="status">
          Saving…
        </Text>
      ) : null}
    </Group>
  );
}
