import { OrganisationSettings } from '../modules/organisation/organisation-settings.entity';
import { ProficiencyLevel } from '../modules/organisation/proficiency-level.entity';
import { Location } from '../modules/organisation/location.entity';
import { Team } from '../modules/teams/team.entity';
import { TeamCapabilityTarget } from '../modules/teams/team-capability-target.entity';
import { Role } from '../modules/roles/role.entity';
import { RoleRequirement } from '../modules/roles/role-requirement.entity';
import { Employee } from '../modules/employees/employee.entity';
import { EmploymentPeriod } from '../modules/employees/employment-period.entity';
import { SkillCategory } from '../modules/skills/skill-category.entity';
import { Skill } from '../modules/skills/skill.entity';
import { Credential } from '../modules/credentials/credential.entity';
import { CredentialSkill } from '../modules/credentials/credential-skill.entity';
import { Cluster } from '../modules/clusters/cluster.entity';
import { ClusterCredential } from '../modules/clusters/cluster-credential.entity';
import { Assignment } from '../modules/assignments/assignment.entity';
import { Completion } from '../modules/completions/completion.entity';
import { HeadcountPlan } from '../modules/headcount-plans/headcount-plan.entity';
import { User } from '../modules/users/user.entity';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { SKILL_STATE_ENTITIES } from '../modules/analytics/state/skill-state.entities';
import { TREND_SNAPSHOT_ENTITIES } from '../modules/analytics/snapshots/trend-snapshot.entities';
import { ImportJob } from '../modules/imports/import-job.entity';
import { ForecastScenario } from '../modules/forecasts/forecast-scenario.entity';
import { AssignmentProgress } from '../modules/forecasts/assignment-progress.entity';
import { ThrottleRecord } from '../common/throttling/throttle-record.entity';
import { OrganisationKey } from '../modules/open-badges/organisation-key.entity';
import { OpenBadgeImport } from '../modules/open-badges/open-badge-import.entity';

export const ENTITIES = [
  OrganisationSettings,
  ProficiencyLevel,
  Location,
  Team,
  TeamCapabilityTarget,
  Role,
  RoleRequirement,
  Employee,
  EmploymentPeriod,
  SkillCategory,
  Skill,
  Credential,
  CredentialSkill,
  Cluster,
  ClusterCredential,
  Assignment,
  Completion,
  HeadcountPlan,
  User,
  AuditLog,
  ThrottleRecord,
  OrganisationKey,
  OpenBadgeImport,
  ImportJob,
  ForecastScenario,
  AssignmentProgress,
  ...SKILL_STATE_ENTITIES,
  ...TREND_SNAPSHOT_ENTITIES,
];
