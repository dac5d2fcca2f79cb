import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub';
import {
  makeGapEmployeeRow,
  makeGapReport,
  makeGapSkillRow,
  makeHeatmap,
  makeHeatmapCell,
  makeHeatmapGroup,
  makePage,
  makeUser,
} from '../../testing/factories';
import { renderRoutes } from '../../testing/render';
import { callsTo, sessionRoutes } from '../../testing/session-stub';
import { routes } from '../router';

afterEach(() => {
  vi.unstubAllGlobals();
});

const report = makeGapReport({
  skills: [
    makeGapSkillRow({ skillId: 2, skillName: 'Tax law', weight: 3, gapPoints: 4, weightedGapPoints: 12 }),
    makeGapSkillRow({ skillId: 1, skillName: 'Payroll processing', weight: 2, gapPoints: 3, weightedGapPoints: 6 }),
  ],
  employees: makePage(
    [
      makeGapEmployeeRow({
        gaps: [{ skillId: 2, skillName: 'Tax law', requiredLevel: 3, currentLevel: 1, gapPoints: 2, weight: 3 }],
      }),
      makeGapEmployeeRow({ employeeId: 8, name: 'Tom Berg', gapPoints: 1, weightedGapPoints: 2, gaps: [] }),
    ],
    { total: 60, pageSize: 25 },
  ),
});

// Inside Finance: Payroll (5 gap points over two skills) and Finance's own members (1).
const byTeam = makeHeatmap({
  groups: [
    makeHeatmapGroup({ id: 1, name: 'Finance (direct)', direct: true }),
    makeHeatmapGroup({ id: 2, name: 'Payroll' }),
    makeHeatmapGroup({ id: 3, name: 'Legal', headcount: null, suppressed: true }),
  ],
  cells: [
    makeHeatmapCell({ groupId: 1, skillId: 1, gapPoints: 1 }),
    makeHeatmapCell({ groupId: 2, skillId: 1, gapPoints: 3 }),
    makeHeatmapCell({ groupId: 2, skillId: 2, gapPoints: 2 }),
  ],
});

function stubApi(user = makeUser({ role: 'hr' }), body = report) {
  return stubFetch([
    ...sessionRoutes(user),
    { path: '/api/analytics/gaps', body },
    { path: '/api/analytics/heatmap', body: byTeam },
  ]);
}

describe('GapsPage', () => {
  it('charts gap points by skill and by team, and lists the people short', async () => {
    const { calls } = stubApi();
    renderRoutes(routes, '/gaps?teamId=1');

    const bySkill = await screen.findByRole('figure', { name: 'Gap points by skill' });
    fireEvent.click(within(bySkill).getByRole('radio', { name: 'Table' }));
    const skillRows = within(within(bySkill).getByRole('table')).getAllByRole('row');
    // Critical first (the server's order), weight shown.
    expect(skillRows[1].textContent).toContain('Tax law');
    expect(skillRows[1].textContent).toContain('weight 3 (critical)');

    const teams = await screen.findByRole('figure', { name: 'Gap points by team' });
    fireEvent.click(within(teams).getByRole('radio', { name: 'Table' }));
    const teamRows = within(within(teams).getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(teamRows).toEqual(['Payroll5', 'Finance (direct)1', 'Legalwithheld']);

    const people = screen.getByRole('table', { name: "People short of their role's requirements" });
    expect(within(people).getByText('Tax law: 1 → 3 (critical)')).toBeTruthy();
    expect(screen.getByText(/Showing 1–25 of 60 people/)).toBeTruthy();

    expect(Object.fromEntries(callsTo(calls, '/api/analytics/gaps')[0])).toEqual({
      teamId: '1',
      page: '1',
      pageSize: '25',
      sort: 'weightedGapPoints',
      order: 'desc',
    });
    expect(Object.fromEntries(callsTo(calls, '/api/analytics/heatmap')[0])).toEqual({
      groupBy: 'team',
      teamId: '1',
      includeSubteams: 'true',
    });
  });

  it('sorts the people on the server and keeps the sort in the URL', async () => {
    const { calls } = stubApi();
    const { router } = renderRoutes(routes, '/gaps?page=2');
    const people = await screen.findByRole('table', { name: "People short of their role's requirements" });

    fireEvent.click(within(people).getByRole('button', { name: 'Name' }));

    await waitFor(() => expect(router.state.location.search).toBe('?sort=name&order=asc'));
    await waitFor(() => expect(callsTo(calls, '/api/analytics/gaps').at(-1)?.get('sort')).toBe('name'));
    const last = callsTo(calls, '/api/analytics/gaps').at(-1);
    expect(last?.get('order')).toBe('asc');
    // A new sort starts from the first page.
    expect(last?.get('page')).toBe('1');
  });

  it('reports on a role without the by-team chart', async () => {
    const { calls } = stubApi();
    renderRoutes(routes, '/gaps?scope=role&roleId=4&teamId=1');

    await screen.findByRole('figure', { name: 'Gap points by skill' });
    const params = callsTo(calls, '/api/analytics/gaps')[0];
    expect(params.get('roleId')).toBe('4');
    expect(params.has('teamId')).toBe(false);
    expect(callsTo(calls, '/api/analytics/heatmap')).toEqual([]);
    expect(screen.queryByRole('figure', { name: 'Gap points by team' })).toBeNull();
  });

  it('shows executives no people', async () => {
    stubApi(makeUser({ role: 'exec', employeeId: null }), { ...report, employees: null });
    renderRoutes(routes, '/gaps');

    await screen.findByRole('figure', { name: 'Gap points by skill' });
    expect(screen.getByText(/the list of people short is not shown/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: "People short of their role's requirements" })).toBeNull();
  });

  it('shows the error with Retry', async () => {
    stubFetch([
      ...sessionRoutes(),
      { path: '/api/analytics/gaps', status: 500, body: { statusCode: 500, code: 'INTERNAL', message: 'Database unavailable' } },
      { path: '/api/analytics/heatmap', body: byTeam },
    ]);
    renderRoutes(routes, '/gaps');

    expect(await screen.findByText('Database unavailable')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
