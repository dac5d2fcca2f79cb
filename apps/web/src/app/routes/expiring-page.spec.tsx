import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub';
import { makeExpiring, makeUser } from '../../testing/factories';
import { renderRoutes } from '../../testing/render';
import { callsTo, sessionRoutes } from '../../testing/session-stub';
import { routes } from '../router';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ExpiringPage', () => {
  it('charts expiries by month and lists them, for the window in the URL', async () => {
    const { calls } = stubFetch([
      ...sessionRoutes(),
      { path: '/api/analytics/expiring', body: makeExpiring({ withinDays: 30 }) },
    ]);
    renderRoutes(routes, '/expiring?withinDays=30&teamId=2');

    const table = await screen.findByRole('table', { name: /Credentials expiring in the window/ });
    const [, row] = within(table).getAllByRole('row');
    expect(within(row).getByRole('link', { name: 'Priya Shah' }).getAttribute('href')).toBe('/employees/7');
    expect(within(row).getByText('15 days')).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Expiring by month' })).toBeTruthy();
    expect(screen.getByText(/^1 credential expires in the 30 days from/)).toBeTruthy();
    expect(Object.fromEntries(callsTo(calls, '/api/analytics/expiring')[0])).toEqual({
      withinDays: '30',
      teamId: '2',
      page: '1',
      pageSize: '50',
    });
  });

  it('shows executives the monthly counts only', async () => {
    stubFetch([
      ...sessionRoutes(makeUser({ role: 'exec', employeeId: null })),
      { path: '/api/analytics/expiring', body: makeExpiring({ items: [], total: 0 }) },
    ]);
    renderRoutes(routes, '/expiring');

    expect(await screen.findByRole('figure', { name: 'Expiring by month' })).toBeTruthy();
    expect(screen.getByText(/Executives see the monthly counts only/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Credentials expiring/ })).toBeNull();
  });

  it('says when nothing expires', async () => {
    stubFetch([...sessionRoutes(), { path: '/api/analytics/expiring', body: makeExpiring({ items: [], total: 0 }) }]);
    renderRoutes(routes, '/expiring');
    expect(await screen.findByText('Nothing expires in the next 90 days')).toBeTruthy();
  });

  it('shows the error with Retry', async () => {
    stubFetch([
      ...sessionRoutes(),
      {
        path: '/api/analytics/expiring',
        status: 500,
        body: { statusCode: 500, code: 'INTERNAL', message: 'Database unavailable' },
      },
    ]);
    renderRoutes(routes, '/expiring');

    expect(await screen.findByText('Database unavailable')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
