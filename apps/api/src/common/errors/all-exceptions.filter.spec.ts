import { Logger, type ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { DomainError } from './domain-error';

/** What the filter sends for `exception`: status, headers and body. */
function answer(exception: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown };
  const response = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status: (code: number) => {
      sent.status = code;
      return response;
    },
    json: (body: unknown) => (sent.body = body),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

const driverError = (code: string) => new QueryFailedError('UPDATE …', [], Object.assign(new Error(code), { code }));

describe('AllExceptionsFilter', () => {
  // What it logs is not what these tests are about.
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers a lock wait timeout or deadlock with 503 BUSY and a Retry-After, not 500', () => {
    for (const code of ['ER_LOCK_WAIT_TIMEOUT', 'ER_LOCK_DEADLOCK']) {
      const sent = answer(driverError(code));
      expect(sent.status).toBe(503);
      expect(sent.headers['Retry-After']).toBe('5');
      expect(sent.body).toMatchObject({ statusCode: 503, code: 'BUSY' });
    }
  });

  it("answers an 'unavailable' domain error with 503, its code and its own Retry-After", () => {
    const sent = answer(new DomainError('unavailable', 'ANALYTICS_SWAPPING', 'try again', undefined, 1));
    expect(sent).toEqual({
      status: 503,
      headers: { 'Retry-After': '1' },
      body: { statusCode: 503, code: 'ANALYTICS_SWAPPING', message: 'try again' },
    });
  });

  it('keeps any other database error a 500 without details', () => {
    const sent = answer(driverError('ER_BAD_FIELD_ERROR'));
    expect(sent.status).toBe(500);
    expect(sent.headers).toEqual({});
    expect(sent.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: 'Something went wrong on our side; it has been logged',
    });
  });
});
