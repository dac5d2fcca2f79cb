import { Group, Select, Switch } from '@mantine/core';
import { EMPLOYEE_STATUSES } from '@skillgrid/shared';
import type { EmployeeStatus } from '@skillgrid/shared';
import { SearchInput } from '../../../components/ui/search-input';
import type { EmployeeListFilters } from '../api/keys';
import { EMPLOYEE_STATUS_STYLES } from './labels';

export interface FilterOption {
  value: string;
  label: string;
}

interface EmployeeFiltersProps {
  filters: EmployeeListFilters;
  onChange: (changes: Partial<EmployeeListFilters>, options?: { replace?: boolean }) => void;
  teamOptions: FilterOption[];
  roleOptions: FilterOption[];
  optionsLoading?: boolean;
}

const idOrUndefined = (value: string | null) => (value ? Number(value) : undefined);

export function EmployeeFilters({ filters, onChange, teamOptions, roleOptions, optionsLoading }: EmployeeFiltersProps) {
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SearchInput
        label="Search"
        placeholder="Name, e-mail or ID"
        value={filters.q ?? ''}
        onSearch={(q) => onChange({ q: q || undefined }, { replace: true })}
        w={{ base: '100%', sm: 240 }}
      />
      <Select
        label="Team"
        placeholder={optionsLoading ? 'Loading teams…' : 'All teams'}
        data={teamOptions}
        value={filters.teamId ? String(filters.teamId) : null}
        onChange={(value) => onChange({ teamId: idOrUndefined(value) })}
        searchable
        clearable
        nothingFoundMessage="No team matches"
        w={{ base: '100%', sm: 240 }}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label="Role"
        placeholder={optionsLoading ? 'Loading roles…' : 'All roles'}
        data={roleOptions}
        value={filters.roleId ? String(filters.roleId) : null}
        onChange={(value) => onChange({ roleId: idOrUndefined(value) })}
        searchable
        clearable
        nothingFoundMessage="No role matches"
        w={{ base: '100%', sm: 220 }}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={EMPLOYEE_STATUSES.map((status) => ({ value: status, label: EMPLOYEE_STATUS_STYLES[status].label }))}
        value={filters.status ?? null}
        onChange={(value) => onChange({ status: (value as EmployeeStatus | null) ?? undefined })}
        clearable
        w={{ base: '100%', sm: 160 }}
      />
      {filters.teamId ? (
        <Switch
          label="Include sub-teams"
          checked={filters.includeSubteams}
          onChange={(event) => onChange({ includeSubteams: event.currentTarget.checked })}
          mb={8}
        />
      ) : null}
    </Group>
  );
}
