import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub';
import { makeEmployee, makeOrganisation, makePage, makeTeam, makeUser } from '../../testing/factories';
import { renderRoutes } from '../../testing/render';
import { routes } from '../router';

afterEach(() => {
  vi.unstubAllGlobals();
});

const priya = makeEmployee({
  id: 7,
  name: 'Priya Shah',
  email: 'priya@acme.test',
  teamName: 'Payroll',
  roleName: 'Payroll Officer',
});
const tom = makeEmployee({ id: 8, name: 'Tom Berg', email: 'tom@acme.test', locationName: null, status: 'left' });

function stubApi(employees = makePage([priya, tom], { total: 120, pageSize: 50 })) {
  return stubFetch([
    { path: '/api/auth/me', body: { user: makeUser({ role: 'hr' }) } },
    { path: '/api/organisation', body: makeOrganisation() },
    {
      path: '/api/teams',
      body: makePage([makeTeam({ id: 1, name: 'Finance' }), makeTeam({ id: 2, name: 'Payroll', parentId: 1 })]),
    },
    { path: '/api/roles', body: makePage([]) },
    { path: '/api/employees', body: employees },
  ]);
}

describe('EmployeesPage', () => {
  it('renders the rows and the server-side pagination', async () => {
    const { calls } = stubApi();
    renderRoutes(routes, '/employees');

    const table = await screen.findByRole('table', { name: 'Employees' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + 2
    expect(within(rows[1]).getByRole('link', { name: 'Priya Shah' }).getAttribute('href')).toBe('/employees/7');
    expect(within(rows[1]).getByText('priya@acme.test')).toBeTruthy();
    expect(within(rows[1]).getByText('Payroll Officer')).toBeTruthy();
    expect(within(rows[2]).getByText('Left')).toBeTruthy();
    expect(within(rows[2]).getByText('Not set')).toBeTruthy();

    expect(screen.getByText(/Showing 1–50 of 120 employees/)).toBeTruthy();
    const employeeCall = calls.find((call) => call.url.pathname === '/api/employees');
    expect(employeeCall?.url.searchParams.get('page')).toBe('1');
    expect(employeeCall?.url.searchParams.get('pageSize')).toBe('50');
  });

  it('asks the server for the next page and keeps it in the URL', async () => {
    const { calls } = stubApi();
    const { router } = renderRoutes(routes, '/employees?teamId=2');
    await screen.findByRole('table', { name: 'Employees' });

    fireEvent.click(screen.getByRole('button', { name: 'Page 2' }));

    await waitFor(() => expect(router.state.location.search).toContain('page=2'));
    await waitFor(() =>
      expect(calls.some((call) => call.url.pathname === '/api/employees' && call.url.searchParams.get('page') === '2')).toBe(
        true,
      ),
    );
    const last = calls.filter((call) => call.url.pathname === '/api/employees').at(-1);
    expect(last?.url.searchParams.get('teamId')).toBe('2');
    expect(last?.url.searchParams.get('includeSubteams')).toBe('true');
  });

  it('sends includeSubteams=false when the switch is off', async () => {
    const { calls } = stubApi();
    const { router } = renderRoutes(routes, '/employees?teamId=2');
    await screen.findByRole('table', { name: 'Employees' });

    fireEvent.click(screen.getByRole('switch', { name: 'Include sub-teams' }));

    await waitFor(() => expect(router.state.location.search).toContain('includeSubteams=false'));
    await waitFor(() =>
      expect(
        calls
          .filter((call) => call.url.pathname === '/api/employees')
          .at(-1)
          ?.url.searchParams.get('includeSubteams'),
      ).toBe('false'),
    );
  });

  it('says why the list is empty when filters match nobody', async () => {
    stubApi(makePage([], { total: 0 }));
    renderRoutes(routes, '/employees?q=zzz');

    expect(await screen.findByText('No employees match these filters')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeTruthy();
  });

  it('shows the error with Retry when the list fails', async () => {
    stubFetch([
      { path: '/api/auth/me', body: { user: makeUser({ role: 'hr' }) } },
      { path: '/api/organisation', body: makeOrganisation() },
      { path: '/api/employees', status: 500, body: { statusCode: 500, code: 'INTERNAL', message: 'Database unavailable' } },
    ]);
    renderRoutes(routes, '/employees');

    expect(await screen.findByText('Database unavailable')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('opens the employee when a row is clicked', async () => {
    stubApi();
    const { router } = renderRoutes(routes, '/employees');
    const table = await screen.findByRole('table', { name: 'Employees' });

    fireEvent.click(within(table).getByText('tom@acme.test'));

    await waitFor(() => expect(router.state.location.pathname).toBe('/employees/8'));
  });
});
