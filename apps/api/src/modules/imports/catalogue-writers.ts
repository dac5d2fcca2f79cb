import type { EntityManager } from 'typeorm';
import type { CatalogueStatus, SkillKind } from '@skillgrid/shared';
import { nameKey } from '../../database/column-types';
import { chunks, placeholders, type Dialect } from '../../database/sql';
import { invalidateAllTrendSnapshots } from '../analytics/snapshots/trend-snapshots.sql';
import { contributeEmployees, withdrawEmployees } from '../analytics/state/skill-state.sql';
import { RoleRequirement } from '../roles/role-requirement.entity';
import { Role } from '../roles/role.entity';
import { SkillCategory } from '../skills/skill-category.entity';
import { Skill } from '../skills/skill.entity';
import type { ImportCounts } from './import-definition';

/**
 * Set-based upserts of skills and roles (with their requirements), shared by the CSV/XLSX
 * imports and the ESCO and O*NET taxonomies. Each compares with what is stored and writes only
 * differences (when `write`), so a repeated import reports everything unchanged.
 */

export type Outcome = 'created' | 'updated' | 'unchanged';
const BATCH = 200;

export function tally(outcomes: Iterable<Outcome | null>): ImportCounts {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const outcome of outcomes) if (outcome) counts[outcome]++;
  return counts;
}

export interface SkillInput {
  name: string;
  category: string;
  /** Undefined keeps a stored skill's kind; a new skill needs one (the caller checks). */
  kind: SkillKind | undefined;
  description: string | undefined;
  externalRef: string | undefined;
  status: CatalogueStatus | undefined;
}

export interface StoredSkill {
  id: number;
  name: string;
  nameKey: string;
  categoryId: number;
  kind: SkillKind;
  description: string | null;
  externalRef: string | null;
  status: CatalogueStatus;
}

/** Every skill, by name key and by external reference. */
export async function loadSkills(
  manager: EntityManager,
): Promise<{ byName: Map<string, StoredSkill>; byRef: Map<string, StoredSkill> }> {
  const skills = await manager.getRepository(Skill).find();
  const byName = new Map<string, StoredSkill>();
  const byRef = new Map<string, StoredSkill>();
  for (const skill of skills) {
    byName.set(skill.nameKey, skill);
    if (skill.externalRef) byRef.set(skill.externalRef, skill);
  }
  return { byName, byRef };
}

async function categoryIds(manager: EntityManager, names: Iterable<string>, write: boolean): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const category of await manager.getRepository(SkillCategory).find()) ids.set(category.nameKey, category.id);
  let provisional = -1;
  for (const name of names) {
    const key = nameKey(name);
    if (ids.has(key)) continue;
    if (!write) ids.set(key, provisional--);
    else {
      const result = await manager.insert(SkillCategory, { name: name.trim(), nameKey: key, description: null });
      ids.set(key, Number(result.identifiers[0]['id']));
    }
  }
  return ids;
}

/**
 * Upserts skills matched by external reference, else by name; returns each input's outcome and
 * the id it has (negative for a skill a dry run would create).
 */
export async function upsertSkills(
  manager: EntityManager,
  inputs: readonly SkillInput[],
  write: boolean,
): Promise<{ outcomes: Array<Outcome | null>; ids: number[]; conflicts: Array<{ index: number; message: string }> }> {
  const { byName, byRef } = await loadSkills(manager);
  const conflicts: Array<{ index: number; message: string }> = [];
  const categories = await categoryIds(
    manager,
    inputs.map((input) => input.category),
    write,
  );
  const outcomes: Array<Outcome | null> = [];
  const ids: number[] = [];
  const inserts: Array<{ index: number; skill: Omit<StoredSkill, 'id'> }> = [];
  let provisional = -1;
  for (const [index, input] of inputs.entries()) {
    const key = nameKey(input.name);
    const stored = (input.externalRef ? byRef.get(input.externalRef) : undefined) ?? byName.get(key);
    const namesake = byName.get(key);
    if (stored && namesake && namesake.id !== stored.id) {
      conflicts.push({
        index,
        message: `another skill is called "${namesake.name}" (external reference ${namesake.externalRef ?? 'none'})`,
      });
      outcomes.push(null);
      ids.push(0);
      continue;
    }
    const categoryId = categories.get(nameKey(input.category)) as number;
    if (!stored) {
      const skill = {
        name: input.name.trim(),
        nameKey: key,
        categoryId,
        kind: input.kind ?? 'hard',
        description: input.description ?? null,
        externalRef: input.externalRef ?? null,
        status: input.status ?? 'active',
      };
      inserts.push({ index, skill });
      const placeholder = { id: provisional--, ...skill };
      byName.set(key, placeholder);
      if (skill.externalRef) byRef.set(skill.externalRef, placeholder);
      outcomes.push('created');
      ids.push(placeholder.id);
      continue;
    }
    const next: StoredSkill = {
      ...stored,
      name: input.name.trim(),
      nameKey: key,
      categoryId,
      kind: input.kind ?? stored.kind,
      description: input.description ?? stored.description,
      externalRef: input.externalRef ?? stored.externalRef,
      status: input.status ?? stored.status,
    };
    ids.push(stored.id);
    const changed = (Object.keys(next) as Array<keyof StoredSkill>).some((field) => next[field] !== stored[field]);
    outcomes.push(changed ? 'updated' : 'unchanged');
    if (!changed) continue;
    if (stored.nameKey !== key) byName.delete(stored.nameKey);
    byName.set(key, next);
    if (write && stored.id > 0) {
      const { id, ...fields } = next;
      await manager.update(Skill, { id }, fields);
    }
    Object.assign(stored, next);
  }
  if (write)
    for (const batch of chunks(inserts, BATCH)) {
      const result = await manager.insert(
        Skill,
        batch.map((entry) => entry.skill),
      );
      batch.forEach((entry, i) => (ids[entry.index] = Number(result.identifiers[i]['id'])));
    }
  return { outcomes, ids, conflicts };
}

export interface RoleInput {
  name: string;
  family: string | undefined;
  description: string | undefined;
  externalRef: string | undefined;
  status: CatalogueStatus | undefined;
  /** Undefined leaves the role's requirements alone; a list replaces them. */
  requirements: Array<{ skillId: number; requiredLevel: number; weight: number }> | undefined;
}

/**
 * Upserts roles matched by external reference, else by name, and replaces the requirements of
 * those that list them. The people of a role whose requirements change leave the statistics
 * before and come back after, set-based (as a requirement edit does).
 */
export async function upsertRoles(
  manager: EntityManager,
  dialect: Dialect,
  inputs: readonly RoleInput[],
  write: boolean,
): Promise<{ roles: Outcome[]; requirements: Outcome[][] }> {
  const stored = await manager.getRepository(Role).find();
  const byName = new Map(stored.map((role) => [role.nameKey, role]));
  const byRef = new Map(stored.filter((role) => role.externalRef).map((role) => [role.externalRef as string, role]));
  const requirementRows = await manager.getRepository(RoleRequirement).find();
  const requirementsOf = new Map<number, Map<number, RoleRequirement>>();
  for (const row of requirementRows) {
    if (!requirementsOf.has(row.roleId)) requirementsOf.set(row.roleId, new Map());
    requirementsOf.get(row.roleId)?.set(row.skillId, row);
  }
  const roles: Outcome[] = [];
  const requirements: Outcome[][] = [];
  const changedRoles: number[] = [];
  const replacements: Array<{ roleId: number; rows: NonNullable<RoleInput['requirements']> }> = [];
  for (const input of inputs) {
    const key = nameKey(input.name);
    let role = (input.externalRef ? byRef.get(input.externalRef) : undefined) ?? byName.get(key);
    if (!role) {
      const fields = {
        name: input.name.trim(),
        nameKey: key,
        family: input.family ?? null,
        description: input.description ?? null,
        externalRef: input.externalRef ?? null,
        status: input.status ?? 'active',
      };
      const id = write ? Number((await manager.insert(Role, fields)).identifiers[0]['id']) : -1 - roles.length;
      role = Object.assign(new Role(), { id, ...fields });
      byName.set(key, role);
      if (role.externalRef) byRef.set(role.externalRef, role);
      roles.push('created');
    } else {
      const next = {
        name: input.name.trim(),
        nameKey: key,
        family: input.family ?? role.family,
        description: input.description ?? role.description,
        externalRef: input.externalRef ?? role.externalRef,
        status: input.status ?? role.status,
      };
      const changed = (Object.keys(next) as Array<keyof typeof next>).some((field) => next[field] !== role?.[field]);
      roles.push(changed ? 'updated' : 'unchanged');
      if (changed && write && role.id > 0) await manager.update(Role, { id: role.id }, next);
      Object.assign(role, next);
    }
    const current = requirementsOf.get(role.id) ?? new Map<number, RoleRequirement>();
    const outcomes: Outcome[] = [];
    if (input.requirements) {
      const wanted = new Map(input.requirements.map((r) => [r.skillId, r]));
      for (const requirement of input.requirements) {
        const before = current.get(requirement.skillId);
        outcomes.push(
          !before
            ? 'created'
            : before.requiredLevel === requirement.requiredLevel && before.weight === requirement.weight
              ? 'unchanged'
              : 'updated',
        );
      }
      const dropped = [...current.keys()].some((skillId) => !wanted.has(skillId));
      if (dropped || outcomes.some((outcome) => outcome !== 'unchanged')) {
        if (role.id > 0) changedRoles.push(role.id);
        replacements.push({ roleId: role.id, rows: input.requirements });
      }
    }
    requirements.push(outcomes);
  }
  if (!write || !replacements.length) return { roles, requirements };

  const people = changedRoles.length
    ? (
        (await manager.query(
          `SELECT employee_id AS id FROM rollup_members WHERE role_id IN (${placeholders(changedRoles.length)})`,
          changedRoles,
        )) as Array<{ id: number | string }>
      ).map((row) => Number(row.id))
    : [];
  await withdrawEmployees(manager, dialect, people);
  for (const ids of chunks(
    replacements.map((r) => r.roleId),
    BATCH,
  ))
    await manager.query(`DELETE FROM role_requirements WHERE role_id IN (${placeholders(ids.length)})`, ids);
  const rows = replacements.flatMap(({ roleId, rows: list }) => list.map((r) => ({ roleId, ...r })));
  for (const batch of chunks(rows, BATCH)) await manager.insert(RoleRequirement, batch);
  await contributeEmployees(manager, dialect, people);
  await invalidateAllTrendSnapshots(manager);
  return { roles, requirements };
}
