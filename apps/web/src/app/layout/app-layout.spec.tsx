import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../../testing/fetch-stub';
import { makeOrganisation, makePage, makeTeam, makeUser } from '../../testing/factories';
import { renderRoutes } from '../../testing/render';
import { routes } from '../router';

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubSession(user: ReturnType<typeof makeUser>) {
  return stubFetch([
    { path: '/api/auth/me', body: { user } },
    { path: '/api/organisation', body: makeOrganisation({ name: 'Acme Ltd', privacyMinGroup: 5 }) },
    {
      path: '/api/teams',
      body: makePage([
        makeTeam({ id: 1, name: 'Finance', headcount: 12, subtreeHeadcount: 15 }),
        makeTeam({ id: 2, name: 'Payroll', parentId: 1, depth: 1, headcount: null, subtreeHeadcount: null }),
      ]),
    },
  ]);
}

async function navLinks() {
  const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('AppLayout', () => {
  it('shows the organisation, the user and the persona’s navigation', async () => {
    stubSession(makeUser({ role: 'manager', name: 'Mina Patel', employeeId: 3 }));
    renderRoutes(routes, '/catalogue');

    expect(await navLinks()).toEqual([
      'Overview',
      'Skills heatmap',
      'Gap report',
      'Single points of failure',
      'Expiring credentials',
      'Expert finder',
      'Forecast',
      'My people',
      'Assignments',
      'Organisation',
      'Catalogue',
      'My skills',
    ]);
    expect(await screen.findByText('Acme Ltd')).toBeTruthy();
    expect(screen.getAllByText('Mina Patel').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('sends an executive home to the workforce outlook', async () => {
    stubSession(makeUser({ role: 'exec', employeeId: null }));
    const { router } = renderRoutes(routes, '/');

    expect(await navLinks()).toEqual([
      'Workforce outlook',
      'Overview',
      'Skills heatmap',
      'Gap report',
      'Single points of failure',
      'Expiring credentials',
      'Organisation',
      'Catalogue',
    ]);
    expect(router.state.location.pathname).toBe('/forecast');
  });

  it('shows an executive the organisation with suppressed headcounts in words', async () => {
    stubSession(makeUser({ role: 'exec', employeeId: null }));
    renderRoutes(routes, '/organisation');

    // Whole sub-trees only: Payroll's withheld count, and no direct-member column at all.
    expect((await screen.findAllByText('fewer than 5')).length).toBe(1);
    expect(screen.queryByRole('columnheader', { name: 'People in team' })).toBeNull();
    expect(screen.getByRole('columnheader', { name: 'Including sub-teams' })).toBeTruthy();
    // No drill-down into people for exec: team names are not links.
    expect(screen.queryByRole('link', { name: 'Finance' })).toBeNull();
  });

  it('answers a page the persona may not use with a friendly page', async () => {
    stubSession(makeUser({ role: 'employee', employeeId: 5 }));
    renderRoutes(routes, '/employees');

    expect(await screen.findByRole('heading', { name: 'Not available for your role' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to your home page' }).getAttribute('href')).toBe('/me');
  });

  it('sends a visitor without a session to sign-in, remembering the page', async () => {
    stubFetch([
      { path: '/api/auth/me', status: 401, body: { statusCode: 401, code: 'UNAUTHORIZED', message: 'Not signed in' } },
      { path: '/api/health', body: { status: 'ok', database: 'sqlite', demo: true } },
    ]);
    const { router } = renderRoutes(routes, '/organisation?x=1');

    expect(await screen.findByRole('heading', { name: 'Sign in to Skillgrid' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/organisation?x=1');
    expect(await screen.findByText('hr@demo.skillgrid.test')).toBeTruthy();
  });

  it('after signing in, opens the page the visitor first asked for', async () => {
    const user = makeUser({ role: 'hr' });
    stubFetch([
      { path: '/api/auth/me', status: 401, body: { statusCode: 401, code: 'UNAUTHORIZED', message: 'Not signed in' } },
      { path: '/api/health', body: { status: 'ok', database: 'sqlite', demo: false } },
      { method: 'POST', path: '/api/auth/login', body: { user } },
      { path: '/api/organisation', body: makeOrganisation() },
      { path: '/api/teams', body: makePage([makeTeam()]) },
    ]);
    const { router } = renderRoutes(routes, '/organisation');
    await screen.findByRole('heading', { name: 'Sign in to Skillgrid' });
    // Not a demo deployment: no demo logins on show.
    expect(screen.queryByText('hr@demo.skillgrid.test')).toBeNull();

    fireEvent.change(screen.getByLabelText(/^e-mail/i, { selector: 'input' }), { target: { value: user.email } });
    fireEvent.change(screen.getByLabelText(/^password/i, { selector: 'input' }), { target: { value: 'skillgrid-demo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/organisation'));
    expect(await screen.findByRole('heading', { name: 'Organisation' })).toBeTruthy();
  });
});
