import { Select } from '@mantine/core';
import type { CatalogueStatus } from '@skillgrid/shared';
import { statusOptions } from '../utils/options';

/** Active, retired or both (the default: retired records stay listed, marked Retired). */
export function StatusSelect({ value, onChange }: { value?: CatalogueStatus; onChange: (status?: CatalogueStatus) => void }) {
  return (
    <Select
      label="Status"
      placeholder="Active and retired"
      data={statusOptions}
      value={value ?? null}
      onChange={(next) => onChange((next as CatalogueStatus | null) ?? undefined)}
      clearable
      w={{ base: '100%', sm: 180 }}
    />
  );
}
