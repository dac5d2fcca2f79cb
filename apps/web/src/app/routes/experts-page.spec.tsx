import { screen, within } from '@testing-library/react';
import type { ExpertDto } from '@skillgrid/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub';
import { makePage, makeUser } from '../../testing/factories';
import { renderRoutes } from '../../testing/render';
import { callsTo, sessionRoutes } from '../../testing/session-stub';
import { routes } from '../router';

afterEach(() => {
  vi.unstubAllGlobals();
});

const expert: ExpertDto = {
  employeeId: 7,
  name: 'Priya Shah',
  teamId: 2,
  teamName: 'Payroll',
  roleId: 1,
  roleName: 'Payroll Officer',
  locationId: null,
  locationName: null,
  level: 4,
  validUntil: null,
};

describe('ExpertsPage', () => {
  it('asks for a skill before searching', async () => {
    const { calls } = stubFetch([...sessionRoutes(), { path: '/api/analytics/experts', body: makePage([expert]) }]);
    renderRoutes(routes, '/experts');

    expect(await screen.findByText('Choose a skill to find its experts')).toBeTruthy();
    expect(callsTo(calls, '/api/analytics/experts')).toEqual([]);
  });

  it('lists the people at the level or above, with the filters from the URL', async () => {
    const { calls } = stubFetch([...sessionRoutes(), { path: '/api/analytics/experts', body: makePage([expert]) }]);
    renderRoutes(routes, '/experts?skillId=3&minLevel=4&locationId=2');

    const table = await screen.findByRole('table', { name: /People holding the skill/ });
    const [, row] = within(table).getAllByRole('row');
    expect(within(row).getByRole('link', { name: 'Priya Shah' }).getAttribute('href')).toBe('/employees/7');
    expect(within(row).getByText('4 · Advanced')).toBeTruthy();
    expect(within(row).getByText('Does not expire')).toBeTruthy();
    expect(Object.fromEntries(callsTo(calls, '/api/analytics/experts')[0])).toEqual({
      skillId: '3',
      minLevel: '4',
      locationId: '2',
      page: '1',
      pageSize: '50',
    });
  });

  it('says when nobody matches', async () => {
    stubFetch([...sessionRoutes(), { path: '/api/analytics/experts', body: makePage([]) }]);
    renderRoutes(routes, '/experts?skillId=3');
    expect(await screen.findByText('Nobody holds this skill at that level')).toBeTruthy();
  });

  it('shows the error with Retry', async () => {
    stubFetch([
      ...sessionRoutes(),
      {
        path: '/api/analytics/experts',
        status: 500,
        body: { statusCode: 500, code: 'INTERNAL', message: 'Database unavailable' },
      },
    ]);
    renderRoutes(routes, '/experts?skillId=3');

    expect(await screen.findByText('Database unavailable')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('is not for executives', async () => {
    stubFetch(sessionRoutes(makeUser({ role: 'exec', employeeId: null })));
    renderRoutes(routes, '/experts?skillId=3');

    expect(await screen.findByRole('heading', { name: 'Not available for your role' })).toBeTruthy();
  });
});
