export { dialectOf, quote, type Dialect, type SqlValue } from '../../database/sql';
export { BulkWriter } from '../../database/bulk-writer';
import { timestampValue, type Dialect } from '../../database/sql';

/** timestampValue of an instant in epoch milliseconds (the generator counts in them). */
export function formatTimestamp(epochMs: number, dialect: Dialect): string {
  return timestampValue(new Date(epochMs), dialect);
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** The same format as formatTimestamp, from a calendar date and seconds after midnight UTC (fast path). */
export function formatDayTimestamp(isoDay: string, secondsOfDay: number, dialect: Dialect): string {
  const hours = Math.floor(secondsOfDay / 3600) % 24;
  const minutes = Math.floor(secondsOfDay / 60) % 60;
  const seconds = Math.floor(secondsOfDay) % 60;
  const time = `${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}`;
  return dialect === 'sqlite' ? `${isoDay} ${time}.000` : `${isoDay} ${time}`;
}
