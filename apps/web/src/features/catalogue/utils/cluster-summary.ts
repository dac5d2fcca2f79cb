import type { CredentialSkillDto } from '@skillgrid/shared';

export interface ClusterItem {
  credentialId: number;
  name: string;
  hours: number;
  cost: number;
}

export interface ClusterLine extends ClusterItem {
  position: number;
  /** Hours and cost from the first credential up to and including this one. */
  runningHours: number;
  runningCost: number;
}

export interface ClusterSummary {
  lines: ClusterLine[];
  totalHours: number;
  totalCost: number;
  /** Each skill at the highest level any of the credentials grants it, highest first. */
  skills: CredentialSkillDto[];
  /** Credentials whose granted skills are not known (yet): the skills above leave them out. */
  unknownSkills: number;
}

// Sums of decimals drift (0.1 + 0.2); hours have one decimal and money two in the API.
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Running and total hours and cost of an ordered cluster, and the skills it grants in total. */
export function summariseCluster(
  items: readonly ClusterItem[],
  skillsOf: (credentialId: number) => readonly CredentialSkillDto[] | undefined,
): ClusterSummary {
  let runningHours = 0;
  let runningCost = 0;
  let unknownSkills = 0;
  const best = new Map<number, CredentialSkillDto>();
  const lines = items.map((item, index) => {
    runningHours = round(runningHours + item.hours, 1);
    runningCost = round(runningCost + item.cost, 2);
    const skills = skillsOf(item.credentialId);
    if (!skills) unknownSkills += 1;
    for (const skill of skills ?? []) {
      const current = best.get(skill.skillId);
      if (!current || skill.level > current.level) best.set(skill.skillId, skill);
    }
    return { ...item, position: index + 1, runningHours, runningCost };
  });
  return {
    lines,
    totalHours: runningHours,
    totalCost: runningCost,
    skills: [...best.values()].sort((a, b) => b.level - a.level || a.skillName.localeCompare(b.skillName)),
    unknownSkills,
  };
}
