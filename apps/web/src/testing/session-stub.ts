import type { AuthUserDto, TeamDto } from '@skillgrid/shared';
import type { StubRoute } from './fetch-stub';
import { makeOrganisation, makePage, makeTeam, makeUser } from './factories';

export const FINANCE = makeTeam({ id: 1, name: 'Finance', subtreeHeadcount: 30 });
export const PAYROLL = makeTeam({ id: 2, name: 'Payroll', parentId: 1, depth: 1 });

/** What every signed-in page asks for: the session, the organisation and the filters' lists. */
export function sessionRoutes(user: AuthUserDto = makeUser(), teams: TeamDto[] = [FINANCE, PAYROLL]): StubRoute[] {
  return [
    { path: '/api/auth/me', body: { user } },
    { path: '/api/organisation', body: makeOrganisation() },
    { path: '/api/teams', body: makePage(teams) },
    { path: '/api/roles', body: makePage([]) },
    { path: '/api/locations', body: makePage([]) },
    { path: '/api/skill-categories', body: makePage([]) },
    { path: '/api/skills', body: makePage([]) },
  ];
}

/** The calls made to one path, oldest first. */
export function callsTo(calls: Array<{ url: URL }>, path: string): URLSearchParams[] {
  return calls.filter((call) => call.url.pathname === path).map((call) => call.url.searchParams);
}
