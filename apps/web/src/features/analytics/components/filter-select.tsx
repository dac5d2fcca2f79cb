import { Select, type ComboboxData } from '@mantine/core';

interface FilterSelectProps {
  label: string;
  /** The noun in the placeholder ("All teams"). */
  allLabel: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  options: ComboboxData;
  loading?: boolean;
  /** A value is required (no "all" choice). */
  required?: boolean;
  placeholder?: string;
  w?: number;
}

/** A searchable select of ids (team, role, location, skill) for a filter bar. */
export function FilterSelect({
  label,
  allLabel,
  value,
  onChange,
  options,
  loading,
  required,
  placeholder,
  w = 240,
}: FilterSelectProps) {
  return (
    <Select
      label={label}
      placeholder={loading ? 'Loading…' : (placeholder ?? allLabel)}
      data={options}
      value={value ? String(value) : null}
      onChange={(next) => onChange(next ? Number(next) : undefined)}
      searchable
      clearable={!required}
      nothingFoundMessage="Nothing matches"
      w={{ base: '100%', sm: w }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
