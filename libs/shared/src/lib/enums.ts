/** Persona keys (DESIGN §1). */
export const USER_ROLES = ['admin', 'hr', 'manager', 'exec', 'employee'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const SKILL_KINDS = ['hard', 'soft'] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];

export const CREDENTIAL_TYPES = ['badge', 'nano_degree', 'micro_certification', 'workplace_assessment'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export const DELIVERY_METHODS = [
  'online_course',
  'assignment',
  'seminar',
  'lecture',
  'portfolio',
  'test',
  'workplace_demonstration',
] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const CATALOGUE_STATUSES = ['active', 'retired'] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

export const EMPLOYEE_STATUSES = ['active', 'left'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const COMPLETION_SOURCES = ['manual', 'csv_import', 'open_badges', 'api'] as const;
export type CompletionSource = (typeof COMPLETION_SOURCES)[number];

export const COMPLETION_STATUSES = ['valid', 'revoked', 'pending'] as const;
export type CompletionStatus = (typeof COMPLETION_STATUSES)[number];

export const CLUSTER_PURPOSES = ['role', 'career_goal', 'cross_skilling'] as const;
export type ClusterPurpose = (typeof CLUSTER_PURPOSES)[number];

export const ASSIGNMENT_STATUSES = ['assigned', 'in_progress', 'completed', 'overdue', 'cancelled'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const MIN_LEVEL = 1;
export const MAX_LEVEL = 5;
export const MIN_WEIGHT = 1;
export const MAX_WEIGHT = 3;

export const DEFAULT_LEVEL_LABELS: Readonly<Record<number, string>> = {
  1: 'Awareness',
  2: 'Foundation',
  3: 'Practitioner',
  4: 'Advanced',
  5: 'Expert',
};

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Human labels for enum values, shared by the API's documentation and the web's selects. */
export const CREDENTIAL_TYPE_LABELS: Readonly<Record<CredentialType, string>> = {
  badge: 'Digital badge',
  nano_degree: 'Nano degree',
  micro_certification: 'Micro-certification',
  workplace_assessment: 'Workplace assessment',
};

export const DELIVERY_METHOD_LABELS: Readonly<Record<DeliveryMethod, string>> = {
  online_course: 'Online course',
  assignment: 'Assignment',
  seminar: 'Seminar',
  lecture: 'Lecture',
  portfolio: 'Portfolio',
  test: 'Test',
  workplace_demonstration: 'Skill demonstration at work',
};
