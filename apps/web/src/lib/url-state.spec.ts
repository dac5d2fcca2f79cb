import { describe, expect, it } from 'vitest';
import { parseUrlState, urlFields, urlStateSearch } from './url-state';

const schema = {
  teamId: urlFields.id(),
  metric: urlFields.oneOf(['coverage', 'gapPoints'] as const, 'coverage'),
  level: urlFields.int(3, 1, 5),
  withinDays: urlFields.numberChoice([30, 90], 90),
  includeSubteams: urlFields.flag(true),
  asOf: urlFields.date(),
};

describe(parseUrlState.name, () => {
  it('reads each field, falling back to its default on a bad or missing value', () => {
    expect(parseUrlState(schema, new URLSearchParams('teamId=4&metric=gapPoints&level=9&withinDays=30&asOf=2025-02-30'))).toEqual(
      {
        teamId: 4,
        metric: 'gapPoints',
        level: 5,
        withinDays: 30,
        includeSubteams: true,
        asOf: undefined,
      },
    );
    expect(parseUrlState(schema, new URLSearchParams('teamId=-1&metric=x&withinDays=45&includeSubteams=false'))).toMatchObject({
      teamId: undefined,
      metric: 'coverage',
      withinDays: 90,
      includeSubteams: false,
    });
  });
});

describe(urlStateSearch.name, () => {
  it('leaves defaults out of the URL', () => {
    const state = parseUrlState(schema, new URLSearchParams());
    expect(urlStateSearch(schema, state).toString()).toBe('');
    expect(urlStateSearch(schema, { ...state, teamId: 2, includeSubteams: false, asOf: '2025-03-31' }).toString()).toBe(
      'teamId=2&includeSubteams=false&asOf=2025-03-31',
    );
  });
});
