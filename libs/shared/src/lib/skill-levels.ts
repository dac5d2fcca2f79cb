import type { CompletionStatus, AssignmentStatus } from './enums';
import type { IsoDate } from './dates';

/** A completion as the level calculation needs it: its dates, status and the skills it grants. */
export interface CompletionForLevels {
  credentialId: number;
  awardedAt: IsoDate;
  expiresAt: IsoDate | null;
  status: CompletionStatus;
  grants: ReadonlyArray<{ skillId: number; level: number }>;
}

export interface CurrentSkillLevel {
  skillId: number;
  level: number;
  /** Until when the level is held (exclusive); null when a credential behind it never expires. */
  expiresAt: IsoDate | null;
  /** The credentials that give this level on the as-of date. */
  credentialIds: number[];
}

/** Whether a completion counts on date `asOf` (DESIGN §3: valid, awarded on or before, not yet expired). */
export function countsOn(completion: Pick<CompletionForLevels, 'awardedAt' | 'expiresAt' | 'status'>, asOf: IsoDate): boolean {
  return (
    completion.status === 'valid' &&
    completion.awardedAt <= asOf &&
    (completion.expiresAt === null || completion.expiresAt > asOf)
  );
}

/** Later expiry wins; null (never expires) beats any date. */
function laterExpiry(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null || b === null) return null;
  return a > b ? a : b;
}

/**
 * Current level per skill on `asOf`: the best granted level over the completions that count
 * then. Skills at level 0 are absent from the result.
 */
export function currentSkillLevels(
  completions: ReadonlyArray<CompletionForLevels>,
  asOf: IsoDate,
): Map<number, CurrentSkillLevel> {
  const levels = new Map<number, CurrentSkillLevel>();
  for (const completion of completions) {
    if (!countsOn(completion, asOf)) continue;
    for (const grant of completion.grants) {
      const held = levels.get(grant.skillId);
      if (!held || grant.level > held.level) {
        levels.set(grant.skillId, {
          skillId: grant.skillId,
          level: grant.level,
          expiresAt: completion.expiresAt,
          credentialIds: [completion.credentialId],
        });
      } else if (grant.level === held.level) {
        held.expiresAt = laterExpiry(held.expiresAt, completion.expiresAt);
        if (!held.credentialIds.includes(completion.credentialId)) held.credentialIds.push(completion.credentialId);
      }
    }
  }
  return levels;
}

export interface Requirement {
  skillId: number;
  requiredLevel: number;
  weight: number;
}

export interface GapRow extends Requirement {
  currentLevel: number;
  gapPoints: number;
  met: boolean;
}

export function gapPoints(requiredLevel: number, currentLevel: number): number {
  return Math.max(0, requiredLevel - currentLevel);
}

/** Every requirement with the employee's level against it; critical (weight 3) first, then largest gap. */
export function gapRows(requirements: ReadonlyArray<Requirement>, levelOf: (skillId: number) => number): GapRow[] {
  return requirements
    .map((requirement) => {
      const currentLevel = levelOf(requirement.skillId);
      return {
        ...requirement,
        currentLevel,
        gapPoints: gapPoints(requirement.requiredLevel, currentLevel),
        met: currentLevel >= requirement.requiredLevel,
      };
    })
    .sort((a, b) => b.weight - a.weight || b.gapPoints - a.gapPoints || a.skillId - b.skillId);
}

/** Readiness = weight of met requirements / weight of all; null when the role requires nothing. */
export function readiness(rows: ReadonlyArray<Pick<GapRow, 'weight' | 'met'>>): number | null {
  const total = rows.reduce((sum, row) => sum + row.weight, 0);
  if (total === 0) return null;
  return rows.reduce((sum, row) => sum + (row.met ? row.weight : 0), 0) / total;
}

export interface AssignmentProgressInput {
  credentialIds: ReadonlyArray<number>;
  assignedAt: IsoDate;
  dueDate: IsoDate;
  cancelled: boolean;
  /** The employee's completions (any credential); only valid ones awarded on or after assignedAt count. */
  completions: ReadonlyArray<Pick<CompletionForLevels, 'credentialId' | 'awardedAt' | 'status'>>;
  today: IsoDate;
}

export interface AssignmentProgress {
  status: AssignmentStatus;
  done: number;
  total: number;
}

/** Assignment status as DESIGN §2 derives it from completions. */
export function assignmentProgress(input: AssignmentProgressInput): AssignmentProgress {
  const doneIds = new Set(
    input.completions
      .filter((c) => c.status === 'valid' && c.awardedAt >= input.assignedAt && input.credentialIds.includes(c.credentialId))
      .map((c) => c.credentialId),
  );
  const total = input.credentialIds.length;
  const done = doneIds.size;
  let status: AssignmentStatus;
  if (input.cancelled) status = 'cancelled';
  else if (total > 0 && done === total) status = 'completed';
  else if (input.dueDate < input.today) status = 'overdue';
  else if (done > 0) status = 'in_progress';
  else status = 'assigned';
  return { status, done, total };
}
