import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { HeatmapGroupBy, MatrixDto } from '@skillgrid/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub';
import { makeAnalyticsSkill, makeHeatmap, makeHeatmapCell, makeHeatmapGroup, makeUser } from '../../testing/factories';
import { renderRoutes } from '../../testing/render';
import { callsTo, sessionRoutes } from '../../testing/session-stub';
import { routes } from '../router';

afterEach(() => {
  vi.unstubAllGlobals();
});

const skills = [makeAnalyticsSkill({ id: 1, name: 'Payroll processing' }), makeAnalyticsSkill({ id: 2, name: 'Tax law' })];

/** Top level: Finance (with sub-teams); inside Finance: Payroll and Finance's own members. */
function heatmapFor(url: URL) {
  if (url.searchParams.get('teamId') === '1') {
    return makeHeatmap({
      team: { id: 1, name: 'Finance', parentId: null },
      groups: [
        makeHeatmapGroup({ id: 2, name: 'Payroll', hasChildren: false }),
        makeHeatmapGroup({ id: 1, name: 'Finance (direct)', direct: true, hasChildren: false, headcount: 3 }),
      ],
      skills,
      cells: [makeHeatmapCell({ groupId: 2, skillId: 1 })],
    });
  }
  return makeHeatmap({
    groupBy: (url.searchParams.get('groupBy') as HeatmapGroupBy | null) ?? 'team',
    groups: [makeHeatmapGroup({ id: 1, name: 'Finance', hasChildren: true, headcount: 13 })],
    skills,
    cells: [makeHeatmapCell({ groupId: 1, skillId: 1 }), makeHeatmapCell({ groupId: 1, skillId: 2, coverage: 1 })],
  });
}

const matrix: MatrixDto = {
  asOf: '2025-06-30',
  team: { id: 2, name: 'Payroll' },
  skills,
  people: [{ id: 7, name: 'Priya Shah', teamId: 2, teamName: 'Payroll', roleId: 1, roleName: 'Payroll Officer', readiness: 0.5 }],
  cells: [{ employeeId: 7, skillId: 1, level: 2, requiredLevel: 3, expiresAt: '2026-01-31' }],
  total: 1,
  page: 1,
  pageSize: 50,
};

function stubApi(user = makeUser({ role: 'hr' })) {
  return stubFetch([
    ...sessionRoutes(user),
    { path: '/api/analytics/heatmap', reply: heatmapFor },
    { path: '/api/analytics/matrix', body: matrix },
  ]);
}

describe('HeatmapPage', () => {
  it('shows skeletons while the heatmap loads', async () => {
    stubFetch([...sessionRoutes(), { path: '/api/analytics/heatmap', reply: () => new Promise(() => undefined) }]);
    renderRoutes(routes, '/heatmap');

    expect(await screen.findByText('Loading the heatmap')).toBeTruthy();
  });

  it('drills down from the top-level teams to a team’s children and on to its people × skills', async () => {
    const { calls } = stubApi();
    const { router } = renderRoutes(routes, '/heatmap');

    const grid = await screen.findByRole('grid', { name: 'Coverage by team and skill' });
    expect(within(grid).getByRole('gridcell', { name: /^Finance, Tax law: Coverage 100%/ })).toBeTruthy();
    expect(callsTo(calls, '/api/analytics/heatmap')[0].get('groupBy')).toBe('team');
    expect(callsTo(calls, '/api/analytics/heatmap')[0].has('teamId')).toBe(false);

    fireEvent.click(within(grid).getByRole('button', { name: 'Show the teams in Finance' }));

    await waitFor(() => expect(router.state.location.search).toBe('?teamId=1'));
    await screen.findByRole('gridcell', { name: /^Payroll, Payroll processing:/ });
    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(breadcrumb).getByRole('link', { name: 'All teams' }).getAttribute('href')).toBe('/heatmap');
    expect(within(breadcrumb).getByText('Finance').getAttribute('aria-current')).toBe('page');

    // Payroll has no sub-teams: the next level is its people.
    fireEvent.keyDown(screen.getByRole('gridcell', { name: /^Payroll, Payroll processing:/ }), { key: 'Enter' });

    await waitFor(() => expect(router.state.location.pathname).toBe('/heatmap/teams/2/matrix'));
    expect(await screen.findByRole('heading', { name: 'Payroll: people × skills' })).toBeTruthy();
    const cell = await screen.findByRole('gridcell', { name: /^Priya Shah, Payroll processing:/ });
    expect(cell.getAttribute('aria-label')).toContain('Role requires 3 · Practitioner (short by 1)');
    expect(cell.dataset['flagged']).toBe('true');
    expect(screen.getByRole('link', { name: 'Priya Shah' }).getAttribute('href')).toBe('/employees/7');
    expect(callsTo(calls, '/api/analytics/matrix')[0].get('teamId')).toBe('2');
    expect(within(screen.getByRole('navigation', { name: 'Breadcrumb' })).getByRole('link', { name: 'Finance' })).toBeTruthy();
  });

  it('sends the filters kept in the URL and shows the chosen metric', async () => {
    const { calls } = stubApi();
    renderRoutes(routes, '/heatmap?groupBy=role&category=3&kind=soft&asOf=2025-03-31&metric=gapPoints');

    await screen.findByRole('grid', { name: 'Gap points by role and skill' });
    const params = callsTo(calls, '/api/analytics/heatmap')[0];
    expect(Object.fromEntries(params)).toEqual({
      groupBy: 'role',
      category: '3',
      kind: 'soft',
      asOf: '2025-03-31',
      includeSubteams: 'true',
    });
    expect((screen.getByRole('radio', { name: 'Gap points' }) as HTMLInputElement).checked).toBe(true);
  });

  it('gives executives month-ends, whole sub-trees and no way down to people', async () => {
    const { calls } = stubFetch([
      ...sessionRoutes(makeUser({ role: 'exec', employeeId: null })),
      {
        path: '/api/analytics/heatmap',
        body: makeHeatmap({
          privacyMinGroup: 5,
          groups: [
            makeHeatmapGroup({ id: 1, name: 'Finance', hasChildren: true }),
            makeHeatmapGroup({ id: 4, name: 'Legal', headcount: null, completeness: null, suppressed: true }),
            makeHeatmapGroup({ id: 5, name: 'Sales', hasChildren: false }),
          ],
          skills,
          cells: [makeHeatmapCell({ groupId: 1, skillId: 1 })],
        }),
      },
    ]);
    // A link shared by HR may carry any date and no sub-teams: executives ask for month-ends and sub-trees.
    renderRoutes(routes, '/heatmap?asOf=2025-03-15&includeSubteams=false');

    await screen.findByRole('grid');
    expect(callsTo(calls, '/api/analytics/heatmap')[0].get('asOf')).toBe('2025-03-31');
    expect(callsTo(calls, '/api/analytics/heatmap')[0].get('includeSubteams')).toBe('true');
    expect(screen.getByRole('button', { name: 'Show the teams in Finance' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Sales/ })).toBeNull();
    expect(screen.getByRole('gridcell', { name: /^Legal, Payroll processing: Withheld for privacy/ })).toBeTruthy();
    expect(screen.getByLabelText('As of the end of').getAttribute('type')).toBe('month');
    expect(screen.queryByRole('switch', { name: 'Include sub-teams' })).toBeNull();
  });

  it('says why it is empty', async () => {
    stubFetch([...sessionRoutes(), { path: '/api/analytics/heatmap', body: makeHeatmap({ skills: [], cells: [] }) }]);
    renderRoutes(routes, '/heatmap?category=9');

    expect(await screen.findByText('No skills match these filters')).toBeTruthy();
  });

  it('shows the error with Retry', async () => {
    stubFetch([
      ...sessionRoutes(),
      {
        path: '/api/analytics/heatmap',
        status: 500,
        body: { statusCode: 500, code: 'INTERNAL', message: 'Database unavailable' },
      },
    ]);
    renderRoutes(routes, '/heatmap');

    expect(await screen.findByText('Database unavailable')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
