import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CapabilityTargetDto } from '@skillgrid/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub';
import { makeSinglePoint, makeUser } from '../../testing/factories';
import { renderRoutes } from '../../testing/render';
import { callsTo, sessionRoutes } from '../../testing/session-stub';
import { routes } from '../router';

afterEach(() => {
  vi.unstubAllGlobals();
});

const points = [
  makeSinglePoint(),
  makeSinglePoint({
    teamId: 1,
    teamName: 'Finance',
    skillId: 2,
    skillName: 'Tax law',
    holders: 0,
    weight: 3,
    holderEmployees: [],
  }),
];

const target = (overrides: Partial<CapabilityTargetDto>): CapabilityTargetDto => ({
  id: 1,
  teamId: 2,
  teamName: 'Payroll',
  skillId: 1,
  skillName: 'Payroll processing',
  minLevel: 4,
  requiredCount: 3,
  holders: 1,
  met: false,
  short: 2,
  suppressed: false,
  ...overrides,
});

function stubApi(user = makeUser({ role: 'hr' }), rows = points) {
  return stubFetch([
    ...sessionRoutes(user),
    { path: '/api/analytics/single-points-of-failure', body: rows },
    {
      path: '/api/analytics/capability-targets',
      body: [target({}), target({ id: 2, skillName: 'Tax law', holders: 5, met: true, short: 0 })],
    },
  ]);
}

describe('SinglePointsOfFailurePage', () => {
  it('lists no cover first, names the single holder and shows the capability targets', async () => {
    const { calls } = stubApi();
    renderRoutes(routes, '/single-points-of-failure?teamId=1');

    const table = await screen.findByRole('table', { name: 'Single points of failure' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first).getByText('Tax law')).toBeTruthy();
    expect(within(first).getByText('No cover')).toBeTruthy();
    expect(within(first).getByText('Critical')).toBeTruthy();
    expect(within(second).getByText('One holder')).toBeTruthy();
    expect(within(second).getByRole('link', { name: 'Priya Shah' }).getAttribute('href')).toBe('/employees/7');
    expect(screen.getByText('2 at risk · 1 with no cover')).toBeTruthy();

    const targets = await screen.findByRole('table', { name: /Capability targets/ });
    expect(within(targets).getByText('Short by 2')).toBeTruthy();
    expect(within(targets).getByText('✓ Met')).toBeTruthy();
    expect(callsTo(calls, '/api/analytics/single-points-of-failure')[0].get('teamId')).toBe('1');
    expect(callsTo(calls, '/api/analytics/capability-targets')[0].get('teamId')).toBe('1');

    fireEvent.click(screen.getByRole('switch', { name: 'Only skills with no cover' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
  });

  it('shows executives no names, and withheld counts in words', async () => {
    stubApi(makeUser({ role: 'exec', employeeId: null }), [
      makeSinglePoint({ holderEmployees: [] }),
      makeSinglePoint({ teamId: 4, teamName: 'Legal', holders: null, required: null, suppressed: true, holderEmployees: [] }),
    ]);
    renderRoutes(routes, '/single-points-of-failure');

    const table = await screen.findByRole('table', { name: 'Single points of failure' });
    expect(within(table).queryByRole('columnheader', { name: 'Who' })).toBeNull();
    expect(within(table).getAllByText('fewer than 5').length).toBe(2);
  });

  it('says when there is nothing at risk, and shows errors with Retry', async () => {
    stubFetch([
      ...sessionRoutes(),
      { path: '/api/analytics/single-points-of-failure', body: [] },
      {
        path: '/api/analytics/capability-targets',
        status: 500,
        body: { statusCode: 500, code: 'INTERNAL', message: 'Database unavailable' },
      },
    ]);
    renderRoutes(routes, '/single-points-of-failure');

    expect(await screen.findByText('No single points of failure')).toBeTruthy();
    expect(await screen.findByText('Database unavailable')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
