import type { AuthUserDto, UserRole } from '@skillgrid/shared';

/** The pages that exist so far; each persona reaches a subset (DESIGN §1). */
export type AppPage =
  | 'overview'
  | 'heatmap'
  | 'matrix'
  | 'gaps'
  | 'single-points-of-failure'
  | 'expiring'
  | 'experts'
  | 'employees'
  | 'assignments'
  | 'effectiveness'
  | 'organisation'
  | 'catalogue'
  | 'imports'
  | 'forecast'
  | 'me';

export interface NavItem {
  page: AppPage;
  label: string;
  to: string;
}

export const ROLE_LABELS: Record<UserRole, string> = {
  admin: 'Admin',
  hr: 'HR',
  manager: 'Manager',
  exec: 'Executive',
  employee: 'Employee',
};

// Executives see aggregates only (no people × skills matrix, no expert finder); employees see
// none of the analytics (DESIGN §1). The server enforces the same with 403.
const PAGE_ROLES: Record<Exclude<AppPage, 'me'>, readonly UserRole[]> = {
  overview: ['hr', 'admin', 'manager', 'exec'],
  heatmap: ['hr', 'admin', 'manager', 'exec'],
  matrix: ['hr', 'admin', 'manager'],
  gaps: ['hr', 'admin', 'manager', 'exec'],
  'single-points-of-failure': ['hr', 'admin', 'manager', 'exec'],
  expiring: ['hr', 'admin', 'manager', 'exec'],
  experts: ['hr', 'admin', 'manager'],
  employees: ['hr', 'admin', 'manager'],
  assignments: ['hr', 'admin', 'manager'],
  effectiveness: ['hr', 'admin'],
  organisation: ['hr', 'admin', 'manager', 'exec'],
  catalogue: ['hr', 'admin', 'manager', 'exec', 'employee'],
  imports: ['hr', 'admin'],
  forecast: ['hr', 'admin', 'manager', 'exec'],
};

export function canUsePage(user: Pick<AuthUserDto, 'role' | 'employeeId'>, page: AppPage): boolean {
  // Every user linked to an employee has the employee view of themselves (DESIGN §1).
  if (page === 'me') return user.employeeId !== null;
  return PAGE_ROLES[page].includes(user.role);
}

const PAGE_PATHS: Record<AppPage, string> = {
  overview: '/overview',
  heatmap: '/heatmap',
  // Reached by drilling into a team of the heatmap, not from the navigation.
  matrix: '/heatmap',
  gaps: '/gaps',
  'single-points-of-failure': '/single-points-of-failure',
  expiring: '/expiring',
  experts: '/experts',
  employees: '/employees',
  assignments: '/assignments',
  effectiveness: '/effectiveness',
  organisation: '/organisation',
  catalogue: '/catalogue',
  imports: '/imports',
  forecast: '/forecast',
  me: '/me',
};

const ANALYTICS: readonly AppPage[] = ['overview', 'heatmap', 'gaps', 'single-points-of-failure', 'expiring', 'experts'];

/** Navigation in the order each persona works (their home first). */
const NAV_ORDER: Record<UserRole, readonly AppPage[]> = {
  hr: [...ANALYTICS, 'forecast', 'employees', 'assignments', 'effectiveness', 'organisation', 'catalogue', 'imports', 'me'],
  admin: [...ANALYTICS, 'forecast', 'employees', 'assignments', 'effectiveness', 'organisation', 'catalogue', 'imports', 'me'],
  manager: [...ANALYTICS, 'forecast', 'employees', 'assignments', 'organisation', 'catalogue', 'me'],
  // Executives land on the Workforce outlook (UI.md).
  exec: ['forecast', ...ANALYTICS, 'organisation', 'catalogue'],
  employee: ['me', 'catalogue'],
};

function pageLabel(role: UserRole, page: AppPage): string {
  switch (page) {
    case 'overview':
      return 'Overview';
    case 'heatmap':
      return 'Skills heatmap';
    case 'matrix':
      return 'People × skills';
    case 'gaps':
      return 'Gap report';
    case 'single-points-of-failure':
      return 'Single points of failure';
    case 'expiring':
      return 'Expiring credentials';
    case 'experts':
      return 'Expert finder';
    case 'employees':
      // A manager's list is their own people (the server scopes it to their tree).
      return role === 'manager' ? 'My people' : 'Employees';
    case 'assignments':
      return 'Assignments';
    case 'effectiveness':
      return 'Effectiveness';
    case 'organisation':
      return 'Organisation';
    case 'catalogue':
      return 'Catalogue';
    case 'imports':
      return 'Imports';
    case 'forecast':
      return role === 'exec' ? 'Workforce outlook' : 'Forecast';
    case 'me':
      return 'My skills';
  }
}

export function navItemsFor(user: Pick<AuthUserDto, 'role' | 'employeeId'>): NavItem[] {
  return NAV_ORDER[user.role]
    .filter((page) => canUsePage(user, page))
    .map((page) => ({ page, label: pageLabel(user.role, page), to: PAGE_PATHS[page] }));
}

/** Where a persona lands after signing in. */
export function homePathFor(user: Pick<AuthUserDto, 'role' | 'employeeId'>): string {
  return navItemsFor(user)[0]?.to ?? PAGE_PATHS.catalogue;
}

/** Only same-app paths may be a post-login target (no open redirect to another site). */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === '/sign-in' || next.startsWith('/sign-in?')) return null;
  return next;
}
