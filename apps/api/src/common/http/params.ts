import { BadRequestException, ParseIntPipe } from '@nestjs/common';

/** Path ids: positive integers, or a 400 that says which parameter was wrong. */
export const IdPipe = new ParseIntPipe({
  exceptionFactory: () =>
    new BadRequestException({
      code: 'VALIDATION_FAILED',
      message: 'id must be a positive integer',
      errors: [{ field: 'id', message: 'must be a positive integer' }],
    }),
});
