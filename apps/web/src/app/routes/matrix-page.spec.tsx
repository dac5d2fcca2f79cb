import { screen, within } from '@testing-library/react';
import type { MatrixDto } from '@skillgrid/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub';
import { makeAnalyticsSkill, makeUser } from '../../testing/factories';
import { renderRoutes } from '../../testing/render';
import { callsTo, sessionRoutes } from '../../testing/session-stub';
import { routes } from '../router';

afterEach(() => {
  vi.unstubAllGlobals();
});

const matrix: MatrixDto = {
  asOf: '2025-05-31',
  team: { id: 2, name: 'Payroll' },
  skills: [makeAnalyticsSkill({ id: 1, name: 'Payroll processing' }), makeAnalyticsSkill({ id: 2, name: 'Excel' })],
  people: [
    { id: 7, name: 'Priya Shah', teamId: 2, teamName: 'Payroll', roleId: 1, roleName: 'Payroll Officer', readiness: 1 },
    { id: 8, name: 'Tom Berg', teamId: 2, teamName: 'Payroll', roleId: 1, roleName: 'Payroll Officer', readiness: 0 },
  ],
  cells: [
    { employeeId: 7, skillId: 1, level: 4, requiredLevel: 3, expiresAt: null },
    { employeeId: 8, skillId: 1, level: 0, requiredLevel: 3, expiresAt: null },
  ],
  total: 2,
  page: 1,
  pageSize: 50,
};

describe('MatrixPage', () => {
  it('shows each person’s levels against their role, with a breadcrumb back up the heatmap', async () => {
    const { calls } = stubFetch([...sessionRoutes(), { path: '/api/analytics/matrix', body: matrix }]);
    renderRoutes(routes, '/heatmap/teams/2/matrix?asOf=2025-05-31&kind=hard');

    const met = await screen.findByRole('gridcell', { name: /^Priya Shah, Payroll processing:/ });
    expect(met.textContent).toBe('4');
    expect(met.dataset['flagged']).toBeUndefined();
    const short = screen.getByRole('gridcell', { name: /^Tom Berg, Payroll processing:/ });
    expect(short.textContent).toBe('0');
    expect(short.dataset['flagged']).toBe('true');
    expect(screen.getByRole('gridcell', { name: /^Tom Berg, Excel: Not held; Not required by the role$/ }).textContent).toBe('');
    expect(screen.getByText("Below the level the person's role requires")).toBeTruthy();

    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(breadcrumb).getByRole('link', { name: 'Skills heatmap' }).getAttribute('href')).toBe(
      '/heatmap?asOf=2025-05-31&kind=hard',
    );
    expect(within(breadcrumb).getByRole('link', { name: 'Finance' }).getAttribute('href')).toBe(
      '/heatmap?asOf=2025-05-31&kind=hard&teamId=1',
    );
    expect(Object.fromEntries(callsTo(calls, '/api/analytics/matrix')[0])).toEqual({
      teamId: '2',
      asOf: '2025-05-31',
      kind: 'hard',
      page: '1',
      pageSize: '50',
    });
  });

  it('says when the team is not one the user can see', async () => {
    stubFetch([
      ...sessionRoutes(),
      { path: '/api/analytics/matrix', status: 404, body: { statusCode: 404, code: 'NOT_FOUND', message: 'Team not found' } },
    ]);
    renderRoutes(routes, '/heatmap/teams/99/matrix');

    expect(await screen.findByText('This team does not exist or is not among the teams you can see.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('is not for executives', async () => {
    stubFetch(sessionRoutes(makeUser({ role: 'exec', employeeId: null })));
    renderRoutes(routes, '/heatmap/teams/2/matrix');

    expect(await screen.findByRole('heading', { name: 'Not available for your role' })).toBeTruthy();
  });
});
