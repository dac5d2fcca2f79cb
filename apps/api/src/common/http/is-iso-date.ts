import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoDate } from '@skillgrid/shared';

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: (args) => `${args?.property} must be a calendar date written YYYY-MM-DD`,
      },
    },
    options,
  );
}
