import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { placeServerErrors, resolveField, toFormPath, type FormShape } from './server-errors';

const credentialShape: FormShape = {
  fields: ['name', 'provider', 'hours', 'cost'],
  lists: { skills: ['skillId', 'level'] },
};

describe('toFormPath', () => {
  it('turns the API’s indexes into dotted paths', () => {
    expect(toFormPath('skills[1].skillId')).toBe('skills.1.skillId');
    expect(toFormPath('requirements[0].requiredLevel')).toBe('requirements.0.requiredLevel');
    expect(toFormPath('name')).toBe('name');
  });
});

describe('resolveField', () => {
  it('places fields, row fields, whole rows and whole lists', () => {
    expect(resolveField('name', credentialShape)).toBe('name');
    expect(resolveField('skills[1].level', credentialShape)).toBe('skills.1.level');
    // "Skill 4 is listed more than once" names the row only: its skill select shows it.
    expect(resolveField('skills[1]', credentialShape)).toBe('skills.1.skillId');
    // "Skill 999 does not exist" names no row.
    expect(resolveField('skills.skillId', credentialShape)).toBe('skills');
    expect(resolveField('skills', credentialShape)).toBe('skills');
    expect(resolveField('status', credentialShape)).toBeNull();
  });

  it('follows aliases from the API’s names to the form’s', () => {
    const shape: FormShape = {
      fields: ['name'],
      lists: { credentials: ['credentialId'] },
      aliases: { credentialIds: 'credentials' },
    };
    expect(resolveField('credentialIds[2]', shape)).toBe('credentials.2.credentialId');
    expect(resolveField('credentialIds', shape)).toBe('credentials');
  });
});

describe('placeServerErrors', () => {
  it('puts a duplicate name beside the name field with no general message', () => {
    const error = new ApiError({
      statusCode: 409,
      code: 'DUPLICATE_NAME',
      message: 'A credential named "X" already exists',
      errors: [{ field: 'name', message: 'A credential named "X" already exists' }],
    });
    expect(placeServerErrors(error, credentialShape)).toEqual({
      fields: { name: 'A credential named "X" already exists' },
      general: null,
    });
  });

  it('keeps what has no input for the general message', () => {
    const error = new ApiError({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'cost: must not be less than 0; property foo should not exist',
      errors: [
        { field: 'cost', message: 'cost must not be less than 0' },
        { field: 'foo', message: 'property foo should not exist' },
      ],
    });
    expect(placeServerErrors(error, credentialShape)).toEqual({
      fields: { cost: 'cost must not be less than 0' },
      general: 'foo: property foo should not exist',
    });
  });

  it('uses the message when no field can be placed, and for other failures', () => {
    const forbidden = new ApiError({ statusCode: 403, code: 'FORBIDDEN', message: 'Your role may not do this' });
    expect(placeServerErrors(forbidden, credentialShape)).toEqual({ fields: {}, general: 'Your role may not do this' });
    expect(placeServerErrors(new Error('boom'), credentialShape)).toEqual({ fields: {}, general: 'boom' });
  });
});
