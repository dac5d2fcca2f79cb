import type {
  AssignmentStatus,
  CatalogueStatus,
  ClusterPurpose,
  CompletionSource,
  CompletionStatus,
  CredentialType,
  DeliveryMethod,
  EmployeeStatus,
  SkillKind,
  UserRole,
} from './enums';
import type { IsoDate } from './dates';

/** Every list endpoint answers this shape (DESIGN §4). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ApiFieldError {
  field?: string;
  line?: number;
  message: string;
}

/** Every error answers this shape (DESIGN §4). */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  errors?: ApiFieldError[];
}

export interface HealthDto {
  status: 'ok';
  database: 'sqlite' | 'mysql';
}

export interface AuthUserDto {
  id: number;
  email: string;
  role: UserRole;
  employeeId: number | null;
  /** Display name: the linked employee's name, else the e-mail. */
  name: string;
  /** Teams this user manages (their sub-trees are in scope); empty for non-managers. */
  managedTeamIds: number[];
}

export interface LoginRequestDto {
  email: string;
  password: string;
}

export interface LoginResponseDto {
  user: AuthUserDto;
}

export interface OrganisationDto {
  name: string;
  timeZone: string;
  currency: string;
  privacyMinGroup: number;
  levelLabels: Record<number, string>;
  /** The scale with each level's description (what it means here). */
  levels: ProficiencyLevelDto[];
  today: IsoDate;
}

/** One step of the fixed 1..5 proficiency scale, with the organisation's label for it. */
export interface ProficiencyLevelDto {
  level: number;
  label: string;
  description?: string | null;
}

/** PUT /organisation/levels: the labels of all five levels at once. */
export interface UpdateLevelLabelsRequestDto {
  levels: ProficiencyLevelDto[];
}

export interface LocationDto {
  id: number;
  name: string;
  country: string | null;
}

export interface TeamDto {
  id: number;
  name: string;
  parentId: number | null;
  managerId: number | null;
  managerName: string | null;
  depth: number;
  /** Active members directly in the team (not its sub-teams); null when withheld for privacy (exec, small group). */
  headcount: number | null;
  /** Active members in the team and all its sub-teams; null when withheld for privacy. */
  subtreeHeadcount: number | null;
}

export interface RoleRequirementDto {
  skillId: number;
  skillName: string;
  requiredLevel: number;
  weight: number;
}

export interface RoleDto {
  id: number;
  name: string;
  family: string | null;
  description: string | null;
  status: CatalogueStatus;
  requirements: RoleRequirementDto[];
}

export interface EmployeeListItemDto {
  id: number;
  externalId: string | null;
  name: string;
  email: string;
  teamId: number;
  teamName: string;
  roleId: number;
  roleName: string;
  locationId: number | null;
  locationName: string | null;
  status: EmployeeStatus;
}

export interface EmployeeDto extends EmployeeListItemDto {
  hireDate: IsoDate;
  leaveDate: IsoDate | null;
  targetRoleId: number | null;
  targetRoleName: string | null;
  managerEmployeeId: number | null;
  managerName: string | null;
}

export interface SkillCategoryDto {
  id: number;
  name: string;
  description: string | null;
}

export interface SkillDto {
  id: number;
  name: string;
  categoryId: number;
  categoryName: string;
  kind: SkillKind;
  description: string | null;
  externalRef: string | null;
  status: CatalogueStatus;
}

export interface CredentialSkillDto {
  skillId: number;
  skillName: string;
  level: number;
}

export interface CredentialDto {
  id: number;
  name: string;
  provider: string;
  type: CredentialType;
  deliveryMethod: DeliveryMethod;
  hours: number;
  cost: number;
  validityMonths: number | null;
  status: CatalogueStatus;
  description: string | null;
  url: string | null;
  achievementId: string | null;
  credlyTemplateId: string | null;
  badgrClassId: string | null;
  skills: CredentialSkillDto[];
}

export interface ClusterDto {
  id: number;
  name: string;
  purpose: ClusterPurpose;
  description: string | null;
  targetRoleId: number | null;
  status: CatalogueStatus;
  credentials: Array<{ credentialId: number; credentialName: string; position: number; hours: number; cost: number }>;
  /** What the cluster grants in total: each skill at the highest level one of its credentials grants. */
  skills: Array<{ skillId: number; skillName: string; level: number }>;
  totalHours: number;
  totalCost: number;
}

/** POST /completions: a completion recorded by hand (HR, or a manager for their people). */
export interface CreateCompletionRequestDto {
  employeeId: number;
  credentialId: number;
  awardedAt: IsoDate;
  /** Default: awardedAt + the credential's validity, clamped to the month's end. */
  expiresAt?: IsoDate | null;
  evidenceUrl?: string | null;
  score?: number | null;
}

export interface CompletionDto {
  id: number;
  employeeId: number;
  employeeName: string;
  credentialId: number;
  credentialName: string;
  awardedAt: IsoDate;
  expiresAt: IsoDate | null;
  source: CompletionSource;
  evidenceUrl: string | null;
  score: number | null;
  status: CompletionStatus;
}

export interface AssignmentDto {
  id: number;
  employeeId: number;
  employeeName: string;
  clusterId: number | null;
  credentialId: number | null;
  title: string;
  assignedAt: IsoDate;
  dueDate: IsoDate;
  note: string | null;
  status: AssignmentStatus;
  done: number;
  total: number;
  teamId: number;
  teamName: string;
  assignedByName: string | null;
  cancelledAt: string | null;
  /** The credentials to complete, in the cluster's order, with when each was done. */
  steps: AssignmentStepDto[];
}

export interface ProfileSkillDto {
  skillId: number;
  skillName: string;
  category: string;
  kind: SkillKind;
  level: number;
  expiresAt: IsoDate | null;
  credentials: Array<{ id: number; name: string }>;
}

export interface ProfileGapDto {
  skillId: number;
  skillName: string;
  requiredLevel: number;
  currentLevel: number;
  gapPoints: number;
  weight: number;
}

export interface EmployeeProfileDto {
  employee: EmployeeDto;
  asOf: IsoDate;
  skills: ProfileSkillDto[];
  roleReadiness: number | null;
  gaps: ProfileGapDto[];
  targetRoleReadiness: number | null;
  targetGaps: ProfileGapDto[];
  completions: CompletionDto[];
  assignments: AssignmentDto[];
}

// ---------------------------------------------------------------------------------------
// Analytics (DESIGN §3, §6). Figures are null when withheld for privacy (`suppressed`).

export interface AnalyticsSkillDto {
  id: number;
  name: string;
  categoryId: number;
  category: string;
  kind: SkillKind;
}

export interface HeatmapGroupDto {
  id: number;
  name: string;
  /** A team group: true for "P (direct)", P's own members without its sub-teams. */
  direct?: boolean;
  /** Team groups: whether the team has sub-teams to drill into. */
  hasChildren?: boolean;
  headcount: number | null;
  /** Members with any recorded credential, and their share (data completeness). */
  withCredentials: number | null;
  completeness: number | null;
  suppressed: boolean;
}

export interface HeatmapCellDto {
  groupId: number;
  skillId: number;
  headcount: number | null;
  holders: number[] | null;
  avgLevel: number | null;
  required: number | null;
  met: number | null;
  coverage: number | null;
  gapPoints: number | null;
  suppressed: boolean;
}

export interface HeatmapDto {
  asOf: IsoDate;
  groupBy: 'team' | 'role' | 'location';
  /** The team whose children are the groups (groupBy=team), or the team filtering roles/locations. */
  team: { id: number; name: string; parentId: number | null } | null;
  includeSubteams: boolean;
  privacyMinGroup: number | null;
  groups: HeatmapGroupDto[];
  skills: AnalyticsSkillDto[];
  cells: HeatmapCellDto[];
}

export interface MatrixPersonDto {
  id: number;
  name: string;
  teamId: number;
  teamName: string;
  roleId: number;
  roleName: string;
  readiness: number | null;
}

export interface MatrixCellDto {
  employeeId: number;
  skillId: number;
  level: number;
  requiredLevel: number | null;
  /** Until when the level is held (exclusive); null when it never expires or is 0. */
  expiresAt: IsoDate | null;
}

export interface MatrixDto {
  asOf: IsoDate;
  team: { id: number; name: string };
  skills: AnalyticsSkillDto[];
  people: MatrixPersonDto[];
  cells: MatrixCellDto[];
  total: number;
  page: number;
  pageSize: number;
}

export interface GapSkillRowDto {
  skillId: number;
  skillName: string;
  category: string;
  kind: SkillKind;
  /** The highest level required of the skill in the group, and the highest weight. */
  requiredLevel: number;
  weight: number;
  required: number | null;
  met: number | null;
  coverage: number | null;
  gapPoints: number | null;
  /** Σ weight × gap points. */
  weightedGapPoints: number | null;
  suppressed: boolean;
}

export interface GapEmployeeSkillDto {
  skillId: number;
  skillName: string;
  requiredLevel: number;
  currentLevel: number;
  gapPoints: number;
  weight: number;
}

export interface GapEmployeeRowDto {
  employeeId: number;
  name: string;
  teamId: number;
  teamName: string;
  roleId: number;
  roleName: string;
  readiness: number | null;
  gapPoints: number;
  weightedGapPoints: number;
  gaps: GapEmployeeSkillDto[];
}

export interface GapReportDto {
  asOf: IsoDate;
  scope: { kind: 'organisation' | 'team' | 'role' | 'employee'; id: number | null; name: string };
  headcount: number | null;
  suppressed: boolean;
  skills: GapSkillRowDto[];
  /** People short of a requirement, most weighted gap points first (not for executives, nor for a scope over GAP_PEOPLE_LIMIT). */
  employees: Page<GapEmployeeRowDto> | null;
  /** Why `employees` is null, when it is. */
  employeesNote?: string;
}

export interface SinglePointOfFailureDto {
  teamId: number;
  teamName: string;
  skillId: number;
  skillName: string;
  requiredLevel: number;
  /** How many active members of the team (with sub-teams) hold the skill at requiredLevel or above. */
  holders: number | null;
  /** Members whose role requires the skill. */
  required: number | null;
  weight: number;
  /** The one holder, for those who may see people (empty when holders is 0). */
  holderEmployees: Array<{ id: number; name: string }>;
  suppressed: boolean;
}

export interface CapabilityTargetDto {
  id: number;
  teamId: number;
  teamName: string;
  skillId: number;
  skillName: string;
  minLevel: number;
  requiredCount: number;
  holders: number | null;
  met: boolean | null;
  short: number | null;
  suppressed: boolean;
}

export interface ExpiringCompletionDto {
  completionId: number;
  employeeId: number;
  employeeName: string;
  teamId: number;
  teamName: string;
  credentialId: number;
  credentialName: string;
  awardedAt: IsoDate;
  expiresAt: IsoDate;
  daysLeft: number;
}

export interface ExpiringDto extends Page<ExpiringCompletionDto> {
  asOf: IsoDate;
  withinDays: number;
  /** Completions expiring per calendar month of the window (null when suppressed for executives). */
  byMonth: Array<{ month: string; count: number | null }>;
  suppressed: boolean;
}

export interface TrendPointDto {
  month: string;
  asOf: IsoDate;
  headcount: number | null;
  required: number | null;
  met: number | null;
  coverage: number | null;
  avgLevel: number | null;
  suppressed: boolean;
  /**
   * True when the month end comes from a snapshot that a later change reaching back has made
   * stale and the background refresh has not rewritten yet (large scopes only; smaller ones are
   * computed from completions meanwhile).
   */
  stale?: boolean;
}

export interface TrendDto {
  team: { id: number; name: string } | null;
  skill: { id: number; name: string } | null;
  points: TrendPointDto[];
}

export interface ExpertDto {
  employeeId: number;
  name: string;
  teamId: number;
  teamName: string;
  roleId: number;
  roleName: string;
  locationId: number | null;
  locationName: string | null;
  level: number;
  /** Until when the level found is held (exclusive); null when it never expires. */
  validUntil: IsoDate | null;
}

export interface OverviewDto {
  asOf: IsoDate;
  team: { id: number; name: string } | null;
  headcount: number | null;
  withCredentials: number | null;
  completeness: number | null;
  required: number | null;
  met: number | null;
  coverage: number | null;
  gapPoints: number | null;
  singlePointsOfFailure: number | null;
  expiringIn90Days: number | null;
  topGaps: GapSkillRowDto[];
  suppressed: boolean;
}

// ---------------------------------------------------------------------------------------
// Workflows (issue 4): assignments, recommendations, effectiveness, notifications.

/** `POST /assignments`: a cluster or one credential for the people named, or for a team's active members. */
export interface CreateAssignmentsRequestDto {
  employeeIds?: number[];
  /** Instead of employeeIds: every active member of this team and its sub-teams (optionally one role only). */
  teamId?: number;
  roleId?: number;
  clusterId?: number;
  credentialId?: number;
  dueDate: IsoDate;
  note?: string;
}

export interface CreateAssignmentsResultDto {
  items: AssignmentDto[];
  total: number;
  /** People left out because they already have an open assignment of the same cluster or credential. */
  skipped: Array<{ employeeId: number; employeeName: string; assignmentId: number; reason: string }>;
}

/** `PATCH /assignments/:id`: extend the due date or change the note. */
export interface UpdateAssignmentRequestDto {
  dueDate?: IsoDate;
  note?: string | null;
}

export interface AssignmentStepDto {
  credentialId: number;
  credentialName: string;
  hours: number;
  cost: number;
  /** The first valid completion awarded on or after the assigned date, if any. */
  completedAt: IsoDate | null;
}

export interface RecommendedCredentialDto {
  credentialId: number;
  name: string;
  provider: string;
  hours: number;
  cost: number;
  grants: CredentialSkillDto[];
  /** The gaps this credential closes (or narrows), with the level it brings. */
  closes: Array<{ skillId: number; skillName: string; fromLevel: number; toLevel: number }>;
}

export interface RecommendationDto {
  employeeId: number;
  role: { id: number; name: string };
  optimise: 'cost' | 'hours';
  method: 'exact' | 'greedy' | 'none';
  /** Useful catalogue credentials the search chose among. */
  candidates: number;
  credentials: RecommendedCredentialDto[];
  totalHours: number;
  totalCost: number;
  /** Gaps to the role before the recommendation. */
  gaps: ProfileGapDto[];
  /** Requirements no active credential in the catalogue reaches (best level on offer given). */
  unreachable: Array<{ skillId: number; skillName: string; requiredLevel: number; bestAvailableLevel: number }>;
}

export interface ClusterRecommendationDto {
  clusterId: number;
  name: string;
  purpose: ClusterPurpose;
  totalHours: number;
  totalCost: number;
  /** Weighted gap points the cluster would close across the team's members. */
  weightedGapPointsClosed: number;
  /** People of the team with at least one gap it narrows. */
  people: number;
  /** Weighted gap points closed per hour of the cluster (null when it has no hours). */
  perHour: number | null;
}

export interface TeamClusterRecommendationsDto {
  team: { id: number; name: string };
  asOf: IsoDate;
  headcount: number;
  weightedGapPoints: number;
  items: ClusterRecommendationDto[];
}

export interface EffectivenessDto {
  kind: 'credential' | 'cluster';
  id: number;
  name: string;
  status: CatalogueStatus;
  from: IsoDate;
  to: IsoDate;
  hours: number;
  cost: number;
  assigned: number;
  completed: number;
  completionRate: number | null;
  medianDaysToComplete: number | null;
  overdueShare: number | null;
  /** Valid completions awarded in the period (for a cluster: of its credentials by people it was assigned to). */
  completions: number;
  gapPointsClosed: number;
  costPerGapPoint: number | null;
}

export interface NotificationDto {
  kind: 'assignment_due' | 'assignment_overdue' | 'credential_expiring';
  /** Whose it is: the signed-in user themselves, or one of the people they manage. */
  about: 'self' | 'report';
  employeeId: number;
  employeeName: string;
  title: string;
  date: IsoDate;
  daysLeft: number;
  assignmentId: number | null;
  completionId: number | null;
}

export interface NotificationsDto {
  asOf: IsoDate;
  items: NotificationDto[];
  counts: { assignmentDue: number; assignmentOverdue: number; credentialExpiring: number };
}
