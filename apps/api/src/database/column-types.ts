import type { ValueTransformer } from 'typeorm';

/**
 * Column helpers shared by entities and migrations so both describe the schema the same way
 * on SQLite and MySQL/MariaDB (the drift test compares them).
 */

/** DECIMAL arrives as a string from mysql2; the domain works in numbers. */
export const decimalToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

/** Timestamps are instants stored in UTC; the driver settings (timezone 'Z') keep them there. */
export function utcNow(): Date {
  const now = new Date();
  now.setMilliseconds(0);
  return now;
}

/** Key used for case- and space-insensitive uniqueness of names, identical on both databases. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
