import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ApiFieldError } from '@skillgrid/shared';

/** Flattens class-validator's tree into one entry per failing field, named by its path. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ApiFieldError[] {
  const out: ApiFieldError[] = [];
  for (const error of errors) {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    // One entry per field: its messages joined, so a field is named once however many rules it broke.
    const messages = Object.values(error.constraints ?? {});
    if (messages.length) out.push({ field, message: messages.join('; ') });
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const flat = flattenValidationErrors(errors);
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: flat.map((e) => `${e.field}: ${e.message}`).join('; ') || 'Invalid request',
        errors: flat,
      });
    },
  });
}
