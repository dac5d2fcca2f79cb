import { isApiError } from '../../../lib/api-client';

/** What a form shows, so that the API's field names (`skills[1].skillId`) find their input. */
export interface FormShape {
  /** Single inputs, by form path: `name`, `hours`. */
  fields: readonly string[];
  /**
   * Repeatable rows: the list's form path → the fields of a row. An error about a whole row
   * (`skills[1]`: listed twice) goes to the row's first field; one about the list (`skills`,
   * `skills.skillId` without an index) to the list itself.
   */
  lists?: Readonly<Record<string, readonly string[]>>;
  /** The API's name → the form's, where they differ (`credentialIds` → `credentials`). */
  aliases?: Readonly<Record<string, string>>;
}

export interface PlacedErrors {
  /** Form path → message. */
  fields: Record<string, string>;
  /** What belongs to no field (or the whole message when nothing could be placed); null when all are placed. */
  general: string | null;
}

/** `skills[1].skillId` → `skills.1.skillId` (@mantine/form's paths). */
export function toFormPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/** The form path an API error field belongs to, or null when the form has no such input. */
export function resolveField(field: string, shape: FormShape): string | null {
  const [head = '', ...rest] = toFormPath(field).split('.');
  const name = shape.aliases?.[head] ?? head;
  const path = [name, ...rest].join('.');
  if (shape.fields.includes(path)) return path;
  const rowFields = shape.lists?.[name];
  if (!rowFields) return null;
  const [index, sub] = rest;
  if (index === undefined || !/^\d+$/.test(index)) return name;
  return `${name}.${index}.${sub && rowFields.includes(sub) ? sub : rowFields[0]}`;
}

/** Splits a failed write's errors into those beside their fields and the rest. */
export function placeServerErrors(error: unknown, shape: FormShape): PlacedErrors {
  if (!isApiError(error)) {
    return { fields: {}, general: error instanceof Error && error.message ? error.message : 'Something went wrong.' };
  }
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const item of error.errors) {
    const path = item.field ? resolveField(item.field, shape) : null;
    if (path) fields[path] = fields[path] ? `${fields[path]}; ${item.message}` : item.message;
    else unplaced.push(item.field ? `${item.field}: ${item.message}` : item.message);
  }
  if (Object.keys(fields).length === 0) return { fields, general: error.message };
  return { fields, general: unplaced.length ? unplaced.join('; ') : null };
}
