import type {
  AnalyticsSkillDto,
  AssignmentDto,
  AuthUserDto,
  EmployeeListItemDto,
  ExpiringDto,
  GapEmployeeRowDto,
  GapReportDto,
  GapSkillRowDto,
  HeatmapCellDto,
  HeatmapDto,
  HeatmapGroupDto,
  OpenBadgeImportDto,
  OrganisationDto,
  OverviewDto,
  Page,
  SinglePointOfFailureDto,
  TeamDto,
} from '@skillgrid/shared';

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
    levels: ['Awareness', 'Foundation', 'Practitioner', 'Advanced', 'Expert'].map((label, index) => ({
      level: index + 1,
      label,
      description: null,
    })),
    today: '2025-06-30',
    ...overrides,
  };
}

export function makePage<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, page: 1, pageSize: 50, ...overrides };
}

export function makeAnalyticsSkill(overrides: Partial<AnalyticsSkillDto> = {}): AnalyticsSkillDto {
  return { id: 1, name: 'Payroll processing', categoryId: 1, category: 'Finance', kind: 'hard', ...overrides };
}

export function makeHeatmapGroup(overrides: Partial<HeatmapGroupDto> = {}): HeatmapGroupDto {
  return {
    id: 1,
    name: 'Finance',
    hasChildren: false,
    headcount: 10,
    withCredentials: 9,
    completeness: 0.9,
    suppressed: false,
    ...overrides,
  };
}

/** DESIGN §3's worked example by default: levels 4, 2, 3, 0 against 3, 3, 2, 2. */
export function makeHeatmapCell(overrides: Partial<HeatmapCellDto> = {}): HeatmapCellDto {
  return {
    groupId: 1,
    skillId: 1,
    headcount: 4,
    holders: [3, 3, 2, 1, 0],
    avgLevel: 2.25,
    required: 4,
    met: 2,
    coverage: 0.5,
    gapPoints: 3,
    suppressed: false,
    ...overrides,
  };
}

export function makeHeatmap(overrides: Partial<HeatmapDto> = {}): HeatmapDto {
  return {
    asOf: '2025-06-30',
    groupBy: 'team',
    team: null,
    includeSubteams: true,
    privacyMinGroup: null,
    groups: [makeHeatmapGroup()],
    skills: [makeAnalyticsSkill()],
    cells: [makeHeatmapCell()],
    ...overrides,
  };
}

export function makeGapSkillRow(overrides: Partial<GapSkillRowDto> = {}): GapSkillRowDto {
  return {
    skillId: 1,
    skillName: 'Payroll processing',
    category: 'Finance',
    kind: 'hard',
    requiredLevel: 3,
    weight: 2,
    required: 4,
    met: 2,
    coverage: 0.5,
    gapPoints: 3,
    weightedGapPoints: 6,
    suppressed: false,
    ...overrides,
  };
}

export function makeGapEmployeeRow(overrides: Partial<GapEmployeeRowDto> = {}): GapEmployeeRowDto {
  return {
    employeeId: 7,
    name: 'Priya Shah',
    teamId: 2,
    teamName: 'Payroll',
    roleId: 1,
    roleName: 'Payroll Officer',
    readiness: 0.5,
    gapPoints: 2,
    weightedGapPoints: 6,
    gaps: [{ skillId: 1, skillName: 'Payroll processing', requiredLevel: 3, currentLevel: 1, gapPoints: 2, weight: 3 }],
    ...overrides,
  };
}

export function makeGapReport(overrides: Partial<GapReportDto> = {}): GapReportDto {
  return {
    asOf: '2025-06-30',
    scope: { kind: 'organisation', id: null, name: 'Acme Ltd' },
    headcount: 120,
    suppressed: false,
    skills: [makeGapSkillRow()],
    employees: makePage([makeGapEmployeeRow()], { pageSize: 25 }),
    ...overrides,
  };
}

export function makeSinglePoint(overrides: Partial<SinglePointOfFailureDto> = {}): SinglePointOfFailureDto {
  return {
    teamId: 2,
    teamName: 'Payroll',
    skillId: 1,
    skillName: 'Payroll processing',
    requiredLevel: 3,
    holders: 1,
    required: 6,
    weight: 2,
    holderEmployees: [{ id: 7, name: 'Priya Shah' }],
    suppressed: false,
    ...overrides,
  };
}

export function makeExpiring(overrides: Partial<ExpiringDto> = {}): ExpiringDto {
  return {
    items: [
      {
        completionId: 1,
        employeeId: 7,
        employeeName: 'Priya Shah',
        teamId: 2,
        teamName: 'Payroll',
        credentialId: 9,
        credentialName: 'Payroll Practitioner',
        awardedAt: '2024-07-15',
        expiresAt: '2025-07-15',
        daysLeft: 15,
      },
    ],
    total: 1,
    page: 1,
    pageSize: 50,
    asOf: '2025-06-30',
    withinDays: 90,
    byMonth: [
      { month: '2025-06', count: 0 },
      { month: '2025-07', count: 1 },
      { month: '2025-08', count: 0 },
      { month: '2025-09', count: 0 },
    ],
    suppressed: false,
    ...overrides,
  };
}

export function makeOverview(overrides: Partial<OverviewDto> = {}): OverviewDto {
  return {
    asOf: '2025-06-30',
    team: null,
    headcount: 120,
    withCredentials: 96,
    completeness: 0.8,
    required: 200,
    met: 150,
    coverage: 0.75,
    gapPoints: 80,
    singlePointsOfFailure: 4,
    expiringIn90Days: 12,
    topGaps: [makeGapSkillRow()],
    suppressed: false,
    ...overrides,
  };
}

export function makeAssignment(overrides: Partial<AssignmentDto> = {}): AssignmentDto {
  return {
    id: 1,
    employeeId: 7,
    employeeName: 'Priya Shah',
    clusterId: 1,
    credentialId: null,
    title: 'Tax basics',
    assignedAt: '2025-01-10',
    dueDate: '2025-05-01',
    note: null,
    status: 'assigned',
    done: 0,
    total: 1,
    teamId: 3,
    teamName: 'Payroll',
    assignedByName: 'Morgan Lee',
    cancelledAt: null,
    steps: [{ credentialId: 9, credentialName: 'Payroll Practitioner', hours: 12, cost: 300, completedAt: null }],
    ...overrides,
  };
}

/** A badge that verified but matches no catalogue credential: pending until HR maps it. */
export function makeOpenBadgeImport(overrides: Partial<OpenBadgeImportDto> = {}): OpenBadgeImportDto {
  return {
    id: 5,
    employeeId: 7,
    employeeName: 'Priya Shah',
    format: 'ob3',
    status: 'pending',
    verified: true,
    achievementId: 'https://example.com/achievements/21st-century-skills/teamwork',
    achievementName: 'Teamwork',
    issuerId: 'https://example.com/issuers/876543',
    issuerName: 'Example Corp',
    awardedAt: '2010-01-01',
    expiresAt: null,
    alignments: [],
    checks: [
      { name: 'format', passed: true, message: 'An Open Badges 3.0 credential (VC data model 2.0)' },
      { name: 'signature', passed: true, message: 'The eddsa-rdfc-2022 proof is valid' },
      { name: 'status', passed: true, message: 'The credential has no status list' },
    ],
    suggestedCredentials: [],
    credentialId: null,
    credentialName: null,
    mappedBy: null,
    completionId: null,
    reason: 'No catalogue credential has the achievement id https://example.com/achievements/21st-century-skills/teamwork',
    importedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}
