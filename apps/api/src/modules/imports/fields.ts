import { isIsoDate } from '@skillgrid/shared';
import type { RowErrors } from './import-definition';

/**
 * Cell parsers shared by the imports. Each adds an error naming the column and returns
 * undefined when the cell is wrong; a blank optional cell is undefined without an error.
 */

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** ISO dates (`2024-03-01`, or the date of an ISO timestamp); `M/D/YYYY` too in the badge platforms' files. */
export function dateCell(
  errors: RowErrors,
  field: string,
  value: string | undefined,
  options: { required?: boolean; usDates?: boolean } = {},
): string | undefined {
  if (value === undefined) {
    if (options.required) errors.add(field, 'is required');
    return undefined;
  }
  let date = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? value.slice(0, 10) : value;
  const us = options.usDates ? US_DATE.exec(value) : null;
  if (us) date = `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  if (!isIsoDate(date)) {
    errors.add(field, `"${value}" is not a date (use YYYY-MM-DD)`);
    return undefined;
  }
  return date;
}

export function numberCell(
  errors: RowErrors,
  field: string,
  value: string | undefined,
  options: { min: number; max: number; integer?: boolean; decimals?: number; required?: boolean },
): number | undefined {
  if (value === undefined) {
    if (options.required) errors.add(field, 'is required');
    return undefined;
  }
  const number = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value) ? Number(value) : NaN;
  const kind = options.integer ? 'a whole number' : 'a number';
  if (!Number.isFinite(number) || (options.integer && !Number.isInteger(number))) {
    errors.add(field, `"${value}" is not ${kind}`);
    return undefined;
  }
  if (number < options.min || number > options.max) {
    errors.add(field, `${value} is outside ${options.min}–${options.max}`);
    return undefined;
  }
  if (options.decimals !== undefined && Math.round(number * 10 ** options.decimals) !== number * 10 ** options.decimals) {
    errors.add(field, `${value} has more than ${options.decimals} decimals`);
    return undefined;
  }
  return number;
}

export function urlCell(errors: RowErrors, field: string, value: string | undefined, maxLength = 1000): string | undefined {
  if (value === undefined) return undefined;
  let ok = false;
  try {
    const url = new URL(value);
    ok = (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//i.test(value);
  } catch {
    ok = false;
  }
  if (!ok) {
    errors.add(field, `"${value.slice(0, 80)}" is not an http(s) URL`);
    return undefined;
  }
  if (value.length > maxLength) {
    errors.add(field, `is longer than ${maxLength} characters`);
    return undefined;
  }
  return value;
}

export function textCell(
  errors: RowErrors,
  field: string,
  value: string | undefined,
  options: { maxLength: number; required?: boolean },
): string | undefined {
  if (value === undefined) {
    if (options.required) errors.add(field, 'is required');
    return undefined;
  }
  if (value.length > options.maxLength) {
    errors.add(field, `is longer than ${options.maxLength} characters`);
    return undefined;
  }
  return value;
}

export function choiceCell<T extends string>(
  errors: RowErrors,
  field: string,
  value: string | undefined,
  choices: readonly T[],
  options: { required?: boolean } = {},
): T | undefined {
  if (value === undefined) {
    if (options.required) errors.add(field, 'is required');
    return undefined;
  }
  const normalised = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const match = choices.find((choice) => choice === normalised);
  if (!match) errors.add(field, `"${value}" is not one of ${choices.join(', ')}`);
  return match;
}
