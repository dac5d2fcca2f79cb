import { TextInput, type TextInputProps } from '@mantine/core';
import type { IsoDate } from '@skillgrid/shared';

interface DueDateInputProps extends Omit<TextInputProps, 'type' | 'min' | 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  /** The organisation's today: the earliest date allowed. */
  today: IsoDate;
}

/** The browser's own date picker (accessible, localised), from today on. */
export function DueDateInput({ value, onChange, today, ...props }: DueDateInputProps) {
  return <TextInput type="date" min={today} value={value} onChange={(event) => onChange(event.currentTarget.value)} {...props} />;
}

/** The client's check before sending (the server checks again). */
export function dueDateError(value: string, today: IsoDate): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'Choose a due date';
  if (value < today) return 'The due date must be today or later';
  return null;
}
