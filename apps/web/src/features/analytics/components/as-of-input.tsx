import { TextInput } from '@mantine/core';
import { endOfMonth } from '@skillgrid/shared';
import type { IsoDate } from '@skillgrid/shared';

interface AsOfInputProps {
  value: IsoDate | undefined;
  onChange: (value: IsoDate | undefined) => void;
  /**
   * Executives ask for month-ends only (DESIGN §3), so that two nearby dates cannot be
   * subtracted to reveal one person: they pick a month.
   */
  monthEndsOnly?: boolean;
  /** The organisation's today: the latest date offered. */
  max?: IsoDate;
}

/** The as-of date of a view; empty means today (the API's default). */
export function AsOfInput({ value, onChange, monthEndsOnly, max }: AsOfInputProps) {
  if (monthEndsOnly) {
    return (
      <TextInput
        type="month"
        label="As of the end of"
        description="Empty for today"
        value={value ? value.slice(0, 7) : ''}
        max={max?.slice(0, 7)}
        onChange={(event) => {
          const month = event.currentTarget.value;
          onChange(/^\d{4}-\d{2}$/.test(month) ? endOfMonth(`${month}-01`) : undefined);
        }}
        w={{ base: '100%', sm: 180 }}
      />
    );
  }
  return (
    <TextInput
      type="date"
      label="As of"
      description="Empty for today"
      value={value ?? ''}
      max={max}
      onChange={(event) => onChange(event.currentTarget.value || undefined)}
      w={{ base: '100%', sm: 180 }}
    />
  );
}
