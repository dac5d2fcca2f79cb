import { screen, waitFor, within } from '@testing-library/react';
import type { TrendDto } from '@skillgrid/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch, type StubRoute } from '../../testing/fetch-stub';
import { makeExpiring, makeGapSkillRow, makeOverview, makeSinglePoint, makeUser } from '../../testing/factories';
import { renderRoutes } from '../../testing/render';
import { callsTo, sessionRoutes } from '../../testing/session-stub';
import { routes } from '../router';

afterEach(() => {
  vi.unstubAllGlobals();
});

const trend: TrendDto = {
  team: null,
  skill: { id: 2, name: 'Tax law' },
  points: [
    {
      month: '2025-05',
      asOf: '2025-05-31',
      headcount: 118,
      required: 40,
      met: 20,
      coverage: 0.5,
      avgLevel: 1.8,
      suppressed: false,
    },
    {
      month: '2025-06',
      asOf: '2025-06-30',
      headcount: 120,
      required: 40,
      met: 24,
      coverage: 0.6,
      avgLevel: 2,
      suppressed: false,
    },
  ],
};

const overview = makeOverview({
  topGaps: [
    makeGapSkillRow({ skillId: 1, skillName: 'Payroll processing', gapPoints: 3, weight: 2 }),
    makeGapSkillRow({ skillId: 2, skillName: 'Tax law', gapPoints: 9, weight: 3 }),
  ],
});

function analyticsRoutes(overrides: StubRoute[] = []): StubRoute[] {
  return [
    ...overrides,
    { path: '/api/analytics/overview', body: overview },
    {
      path: '/api/analytics/single-points-of-failure',
      body: [makeSinglePoint(), makeSinglePoint({ skillId: 2, skillName: 'Tax law', holders: 0, holderEmployees: [] })],
    },
    { path: '/api/analytics/expiring', body: makeExpiring() },
    { path: '/api/analytics/trend', body: trend },
  ];
}

describe('OverviewPage', () => {
  it('is HR’s home, with the headline figures and every card', async () => {
    const { calls } = stubFetch([...sessionRoutes(makeUser({ role: 'hr' })), ...analyticsRoutes()]);
    const { router } = renderRoutes(routes, '/');

    await waitFor(() => expect(router.state.location.pathname).toBe('/overview'));
    const coverage = await screen.findByRole('region', { name: 'Coverage of required skills' });
    expect(within(coverage).getByText('75%')).toBeTruthy();
    expect(within(coverage).getByText('150 of 200 requirements met')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'People' })).getByText('120')).toBeTruthy();

    const topGaps = screen.getByRole('region', { name: 'Top gaps' });
    expect(within(topGaps).getByRole('table', { name: /Top gaps/ })).toBeTruthy();
    expect(within(topGaps).getAllByText('Tax law').length).toBeGreaterThan(0);

    const risks = await screen.findByRole('region', { name: 'Skills at risk' });
    // No cover comes first.
    expect(within(risks).getAllByRole('listitem')[0].textContent).toContain('Tax law');
    expect(within(risks).getByText('No cover')).toBeTruthy();

    const expiring = await screen.findByRole('region', { name: 'Expiring soon' });
    expect(within(expiring).getByText('1')).toBeTruthy();

    // Without a team, the trend follows the skill with the largest gap.
    await screen.findByRole('figure', { name: /Coverage over 24 months: Tax law/ });
    expect(Object.fromEntries(callsTo(calls, '/api/analytics/trend')[0])).toEqual({ skillId: '2', months: '24' });
  });

  it('says when month ends are being recalculated, and from which month', async () => {
    const stale: TrendDto = { ...trend, points: [trend.points[0], { ...trend.points[1], stale: true }] };
    stubFetch([...sessionRoutes(makeUser({ role: 'hr' })), ...analyticsRoutes([{ path: '/api/analytics/trend', body: stale }])]);
    renderRoutes(routes, '/overview');

    expect(await screen.findByText(/From 2025-06 on, the month ends are being recalculated/)).toBeTruthy();
  });

  it('follows a manager’s first team in the trend', async () => {
    const { calls } = stubFetch([...sessionRoutes(makeUser({ role: 'manager', managedTeamIds: [2, 5] })), ...analyticsRoutes()]);
    renderRoutes(routes, '/overview');

    await waitFor(() => expect(callsTo(calls, '/api/analytics/trend').length).toBe(1));
    expect(Object.fromEntries(callsTo(calls, '/api/analytics/trend')[0])).toEqual({ teamId: '2', months: '24' });
  });

  it('shows withheld figures as withheld, not zero', async () => {
    stubFetch([
      ...sessionRoutes(makeUser({ role: 'exec', employeeId: null })),
      ...analyticsRoutes([
        { path: '/api/analytics/overview', body: makeOverview({ headcount: null, coverage: null, met: null, topGaps: [] }) },
      ]),
    ]);
    renderRoutes(routes, '/overview');

    const people = await screen.findByRole('region', { name: 'People' });
    expect(within(people).getByText('withheld')).toBeTruthy();
    expect(await screen.findByText('No gaps')).toBeTruthy();
  });

  it('keeps the other cards when the headline figures fail', async () => {
    stubFetch([
      ...sessionRoutes(),
      ...analyticsRoutes([
        {
          path: '/api/analytics/overview',
          status: 500,
          body: { statusCode: 500, code: 'INTERNAL', message: 'Database unavailable' },
        },
      ]),
    ]);
    renderRoutes(routes, '/overview');

    expect(await screen.findByText('Could not load the headline figures')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Retry' }).length).toBeGreaterThan(0);
    expect(await screen.findByText('No cover')).toBeTruthy();
  });
});
