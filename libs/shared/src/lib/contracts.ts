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
  today: IsoDate;
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
  totalHours: number;
  totalCost: number;
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
