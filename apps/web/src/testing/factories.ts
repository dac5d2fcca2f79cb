import type { AuthUserDto, EmployeeListItemDto, OrganisationDto, Page, TeamDto } from '@skillgrid/shared';

/** Test data with overrides (STYLE §11). */
export function makeUser(overrides: Partial<AuthUserDto> = {}): AuthUserDto {
  return {
    id: 1,
    email: 'hr@demo.skillgrid.test',
    role: 'hr',
    employeeId: 10,
    name: 'Harriet Rao',
    managedTeamIds: [],
    ...overrides,
  };
}

let nextEmployeeId = 100;
export function makeEmployee(overrides: Partial<EmployeeListItemDto> = {}): EmployeeListItemDto {
  const id = overrides.id ?? nextEmployeeId++;
  return {
    id,
    externalId: `E${id}`,
    name: `Employee ${id}`,
    email: `employee${id}@example.test`,
    teamId: 1,
    teamName: 'Payroll',
    roleId: 1,
    roleName: 'Payroll Officer',
    locationId: 1,
    locationName: 'Leeds',
    status: 'active',
    ...overrides,
  };
}

export function makeTeam(overrides: Partial<TeamDto> = {}): TeamDto {
  return {
    id: 1,
    name: 'Finance',
    parentId: null,
    managerId: null,
    managerName: null,
    depth: 0,
    headcount: 10,
    subtreeHeadcount: 10,
    ...overrides,
  };
}

export function makeOrganisation(overrides: Partial<OrganisationDto> = {}): OrganisationDto {
  return {
    name: 'Acme Ltd',
    timeZone: 'Europe/London',
    currency: 'GBP',
    privacyMinGroup: 5,
    levelLabels: { 1: 'Awareness', 2: 'Foundation', 3: 'Practitioner', 4: 'Advanced', 5: 'Expert' },
    today: '2025-06-30',
    ...overrides,
  };
}

export function makePage<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, page: 1, pageSize: 50, ...overrides };
}
