import type { ApiFieldError } from '@skillgrid/shared';

/**
 * Server field errors by form field. `employeeIds[2]` belongs to the people field and names the
 * person (the third one sent); fields the form does not show are returned as `other`.
 */
export function formFieldErrors(
  errors: ApiFieldError[],
  formFields: Record<string, string>,
  personName: (index: number) => string | undefined = () => undefined,
): { fields: Record<string, string>; other: string[] } {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const error of errors) {
    const field = error.field ?? '';
    const indexed = /^(\w+)\[(\d+)\]/.exec(field);
    const base = indexed ? indexed[1] : field.split('.')[0];
    const target = formFields[base];
    if (!target) {
      other.push(error.field ? `${error.field}: ${error.message}` : error.message);
      continue;
    }
    const who = indexed ? personName(Number(indexed[2])) : undefined;
    const message = who ? `${who}: ${error.message}` : error.message;
    fields[target] = fields[target] ? `${fields[target]} ${message}` : message;
  }
  return { fields, other };
}
