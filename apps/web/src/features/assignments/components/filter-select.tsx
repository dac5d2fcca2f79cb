import { Select, type ComboboxData } from '@mantine/core';

interface FilterSelectProps {
  label: string;
  placeholder: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  options: ComboboxData;
  loading?: boolean;
  w?: number;
}

/** A searchable, clearable select of ids for a filter bar. */
export function FilterSelect({ label, placeholder, value, onChange, options, loading, w = 260 }: FilterSelectProps) {
  return (
    <Select
      label={label}
      placeholder={loading ? 'Loading…' : placeholder}
      data={options}
      value={value ? String(value) : null}
      onChange={(next) => onChange(next ? Number(next) : undefined)}
      searchable
      clearable
      nothingFoundMessage="Nothing matches"
      w={{ base: '100%', sm: w }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
