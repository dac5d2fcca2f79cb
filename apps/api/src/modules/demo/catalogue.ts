import {
  CREDENTIAL_TYPE_LABELS,
  DELIVERY_METHOD_LABELS,
  MAX_LEVEL,
  MAX_WEIGHT,
  MIN_LEVEL,
  MIN_WEIGHT,
  type ClusterPurpose,
  type CredentialType,
  type DeliveryMethod,
  type SkillKind,
} from '@skillgrid/shared';
import { nameKey } from '../../database/column-types';
import { SKILL_CATEGORIES } from './catalogue/skills.catalogue';
import { ROLES } from './catalogue/roles.catalogue';
import { CREDENTIALS, INTERNAL_ACADEMY } from './catalogue/credentials.catalogue';
import { CLUSTERS, DIVISIONS, LOCATIONS, ORGANISATION, type NamePool } from './catalogue/organisation.catalogue';
import { hashString, stableHex, stableUuid } from './prng';

/** The demo catalogue with ids assigned (1-based, in catalogue order) and names resolved to ids. */
export interface DemoCatalogue {
  categories: Array<{ id: number; name: string; description: string }>;
  skills: Array<{
    id: number;
    categoryId: number;
    name: string;
    kind: SkillKind;
    description: string;
    externalRef: string | null;
  }>;
  roles: Array<{
    id: number;
    key: string;
    name: string;
    family: string;
    description: string;
    requirements: Array<{ skillId: number; level: number; weight: number }>;
    nextRoleIds: number[];
    growth: number;
  }>;
  credentials: Array<{
    id: number;
    name: string;
    provider: string;
    type: CredentialType;
    deliveryMethod: DeliveryMethod;
    hours: number;
    cost: number;
    validityMonths: number | null;
    description: string;
    url: string | null;
    achievementId: string | null;
    credlyTemplateId: string | null;
    badgrClassId: string | null;
    grants: Array<{ skillId: number; level: number }>;
  }>;
  clusters: Array<{
    id: number;
    name: string;
    purpose: ClusterPurpose;
    description: string;
    targetRoleId: number | null;
    credentialIds: number[];
  }>;
  locations: Array<{ id: number; key: string; name: string; city: string; country: string; pool: NamePool }>;
  skillIdByName: ReadonlyMap<string, number>;
  roleIdByKey: ReadonlyMap<string, number>;
  credentialIdByName: ReadonlyMap<string, number>;
  locationIdByKey: ReadonlyMap<string, number>;
}

/** Providers whose digital badges are issued through Credly. */
const CREDLY_PROVIDERS = new Set([
  'AWS',
  'Microsoft',
  'CompTIA',
  'PMI',
  'ISC2',
  'Google Cloud',
  'HashiCorp',
  'The Linux Foundation',
  'Databricks',
  'PeopleCert',
  'Scrum.org',
  'Snowflake',
  'Tableau',
  'Red Hat',
  'FinOps Foundation',
  'Prosci',
  'Salesforce',
]);
/** Providers issuing Open Badges through Canvas Credentials (Badgr). */
const BADGR_PROVIDERS = new Set([
  'City & Guilds',
  'Institute of Customer Service',
  'ILM',
  'CMI',
  'CIPD',
  'The Open University (OpenLearn)',
  'CIPP',
]);

const ACADEMY_BASE = `https://academy.${ORGANISATION.emailDomain}`;

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Badgr entity ids are 22 characters of base64url. */
function badgrEntityId(text: string): string {
  return Buffer.from(stableHex(text, 32), 'hex').toString('base64url').slice(0, 22);
}

function listOf(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Every inconsistency of the static catalogue (empty when it is sound). */
export function catalogueProblems(): string[] {
  const problems: string[] = [];
  const skillNames = new Set<string>();
  const seen = (kind: string, keys: Set<string>, name: string) => {
    const key = nameKey(name);
    if (keys.has(key)) problems.push(`duplicate ${kind} name "${name}"`);
    keys.add(key);
  };
  const categoryKeys = new Set<string>();
  const skillKeys = new Set<string>();
  for (const category of SKILL_CATEGORIES) {
    seen('category', categoryKeys, category.name);
    for (const skill of category.skills) {
      seen('skill', skillKeys, skill.name);
      skillNames.add(skill.name);
    }
  }
  const grantsBySkill = new Map<string, number>();
  const credentialKeys = new Set<string>();
  for (const credential of CREDENTIALS) {
    seen('credential', credentialKeys, credential.name);
    if (credential.grants.length < 1 || credential.grants.length > 4)
      problems.push(`credential "${credential.name}" grants ${credential.grants.length} skills (1–4 expected)`);
    if (credential.hours < 2 || credential.hours > 120)
      problems.push(`credential "${credential.name}" has ${credential.hours} hours`);
    if (credential.cost < 0 || credential.cost > 2500) problems.push(`credential "${credential.name}" costs ${credential.cost}`);
    const granted = new Set<string>();
    for (const [skill, level] of credential.grants) {
      if (!skillNames.has(skill)) problems.push(`credential "${credential.name}" grants unknown skill "${skill}"`);
      if (granted.has(skill)) problems.push(`credential "${credential.name}" grants "${skill}" twice`);
      granted.add(skill);
      if (!Number.isInteger(level) || level < MIN_LEVEL || level > MAX_LEVEL)
        problems.push(`credential "${credential.name}" grants "${skill}" at level ${level}`);
      grantsBySkill.set(skill, Math.max(grantsBySkill.get(skill) ?? 0, level));
    }
  }
  const roleKeys = new Set(ROLES.map((role) => role.key));
  const roleNameKeys = new Set<string>();
  for (const role of ROLES) {
    seen('role', roleNameKeys, role.name);
    if (role.requirements.length < 4 || role.requirements.length > 10)
      problems.push(`role "${role.name}" has ${role.requirements.length} requirements (4–10 expected)`);
    const required = new Set<string>();
    for (const requirement of role.requirements) {
      if (!skillNames.has(requirement.skill)) problems.push(`role "${role.name}" requires unknown skill "${requirement.skill}"`);
      if (required.has(requirement.skill)) problems.push(`role "${role.name}" requires "${requirement.skill}" twice`);
      required.add(requirement.skill);
      if (requirement.level < MIN_LEVEL || requirement.level > MAX_LEVEL)
        problems.push(`role "${role.name}" requires "${requirement.skill}" at level ${requirement.level}`);
      if (requirement.weight < MIN_WEIGHT || requirement.weight > MAX_WEIGHT)
        problems.push(`role "${role.name}" weighs "${requirement.skill}" ${requirement.weight}`);
      if ((grantsBySkill.get(requirement.skill) ?? 0) < requirement.level)
        problems.push(`no credential grants "${requirement.skill}" at level ${requirement.level} (role "${role.name}")`);
    }
    for (const next of role.next) if (!roleKeys.has(next)) problems.push(`role "${role.name}" leads to unknown role "${next}"`);
  }
  const credentialNames = new Set(CREDENTIALS.map((credential) => credential.name));
  const clusterKeys = new Set<string>();
  for (const cluster of CLUSTERS) {
    seen('cluster', clusterKeys, cluster.name);
    if (cluster.credentials.length < 2 || cluster.credentials.length > 6)
      problems.push(`cluster "${cluster.name}" has ${cluster.credentials.length} credentials (2–6 expected)`);
    if (new Set(cluster.credentials).size !== cluster.credentials.length)
      problems.push(`cluster "${cluster.name}" repeats a credential`);
    for (const name of cluster.credentials)
      if (!credentialNames.has(name)) problems.push(`cluster "${cluster.name}" includes unknown credential "${name}"`);
    if (cluster.targetRole && !roleKeys.has(cluster.targetRole)) problems.push(`cluster "${cluster.name}" targets unknown role`);
  }
  const locationKeys = new Set(LOCATIONS.map((location) => location.key));
  let share = 0;
  for (const division of DIVISIONS) {
    if (!locationKeys.has(division.location)) problems.push(`division "${division.name}" at unknown location`);
    for (const role of division.staffRoles)
      if (!roleKeys.has(role)) problems.push(`division "${division.name}": unknown role "${role}"`);
    for (const department of division.departments) {
      share += department.share;
      for (const [role] of department.memberRoles)
        if (!roleKeys.has(role)) problems.push(`department "${department.name}": unknown role "${role}"`);
      for (const role of [department.leadRole, department.headRole])
        if (!roleKeys.has(role)) problems.push(`department "${department.name}": unknown role "${role}"`);
      for (const location of department.locations)
        if (!locationKeys.has(location)) problems.push(`department "${department.name}": unknown location "${location}"`);
    }
  }
  if (Math.abs(share - 1) > 1e-9) problems.push(`department shares add up to ${share}, not 1`);
  return problems;
}

let cached: DemoCatalogue | null = null;

/** The resolved catalogue (built once; throws when the static data is inconsistent). */
export function demoCatalogue(): DemoCatalogue {
  if (cached) return cached;
  const problems = catalogueProblems();
  if (problems.length) throw new Error(`Demo catalogue is inconsistent:\n - ${problems.join('\n - ')}`);

  const categories: DemoCatalogue['categories'] = [];
  const skills: DemoCatalogue['skills'] = [];
  const skillIdByName = new Map<string, number>();
  for (const category of SKILL_CATEGORIES) {
    const categoryId = categories.length + 1;
    categories.push({ id: categoryId, name: category.name, description: category.description });
    for (const skill of category.skills) {
      const id = skills.length + 1;
      // About half the skills carry an ESCO-style reference, as if mapped from the ESCO taxonomy.
      const externalRef =
        hashString(skill.name, 7) % 100 < 50 ? `http://data.europa.eu/esco/skill/${stableUuid(`esco:${skill.name}`)}` : null;
      skills.push({ id, categoryId, name: skill.name, kind: skill.kind, description: skill.description, externalRef });
      skillIdByName.set(skill.name, id);
    }
  }
  const skillId = (name: string) => skillIdByName.get(name) as number;

  const roleIdByKey = new Map(ROLES.map((role, index) => [role.key, index + 1] as const));
  const roles: DemoCatalogue['roles'] = ROLES.map((role, index) => ({
    id: index + 1,
    key: role.key,
    name: role.name,
    family: role.family,
    description: role.description,
    requirements: role.requirements.map((r) => ({ skillId: skillId(r.skill), level: r.level, weight: r.weight })),
    nextRoleIds: role.next.map((key) => roleIdByKey.get(key) as number),
    growth: role.growth ?? 0,
  }));

  const credentialIdByName = new Map<string, number>();
  const credentials: DemoCatalogue['credentials'] = CREDENTIALS.map((seed, index) => {
    const id = index + 1;
    credentialIdByName.set(seed.name, id);
    const internal = seed.provider === INTERNAL_ACADEMY;
    const credlyTemplateId = CREDLY_PROVIDERS.has(seed.provider) ? stableUuid(`credly:${seed.name}`) : null;
    const badgrClassId =
      BADGR_PROVIDERS.has(seed.provider) || (internal && hashString(seed.name, 3) % 2 === 0)
        ? badgrEntityId(`badgr:${seed.name}`)
        : null;
    const achievementId = internal
      ? `${ACADEMY_BASE}/achievements/${slug(seed.name)}`
      : badgrClassId
        ? `https://api.badgr.io/public/badges/${badgrClassId}`
        : null;
    const skillNames = seed.grants.map(([name]) => name);
    const validity = seed.validityMonths === null ? 'Does not expire.' : `Valid for ${seed.validityMonths} months.`;
    return {
      id,
      name: seed.name,
      provider: seed.provider,
      type: seed.type,
      deliveryMethod: seed.deliveryMethod,
      hours: seed.hours,
      cost: seed.cost,
      validityMonths: seed.validityMonths,
      description: `${CREDENTIAL_TYPE_LABELS[seed.type]} from ${seed.provider} (${DELIVERY_METHOD_LABELS[seed.deliveryMethod].toLowerCase()}, about ${seed.hours} hours) covering ${listOf(skillNames)}. ${validity}`,
      url: internal ? `${ACADEMY_BASE}/catalogue/${slug(seed.name)}` : null,
      achievementId,
      credlyTemplateId,
      badgrClassId,
      grants: seed.grants.map(([name, level]) => ({ skillId: skillId(name), level })),
    };
  });

  const clusters: DemoCatalogue['clusters'] = CLUSTERS.map((cluster, index) => ({
    id: index + 1,
    name: cluster.name,
    purpose: cluster.purpose,
    description: cluster.description,
    targetRoleId: cluster.targetRole ? (roleIdByKey.get(cluster.targetRole) as number) : null,
    credentialIds: cluster.credentials.map((name) => credentialIdByName.get(name) as number),
  }));

  const locations = LOCATIONS.map((location, index) => ({ id: index + 1, ...location }));
  const locationIdByKey = new Map(locations.map((location) => [location.key, location.id] as const));

  cached = {
    categories,
    skills,
    roles,
    credentials,
    clusters,
    locations,
    skillIdByName,
    roleIdByKey,
    credentialIdByName,
    locationIdByKey,
  };
  return cached;
}
