import type { GapSkillRowDto, HeatmapDto } from '@skillgrid/shared';
import type { CategoryBarDatum } from '../../../components/charts/category-bar-chart';
import { groupKey } from './heatmap-grid';

const CRITICAL_WEIGHT = 3;

/**
 * Gap points per group of a heatmap, summed over its skills, largest first. A suppressed group,
 * or one whose every figure is withheld, is null (withheld), never 0.
 */
export function gapPointsByGroup(heatmap: HeatmapDto): CategoryBarDatum[] {
  const totals = new Map<number, { sum: number; known: boolean }>();
  for (const cell of heatmap.cells) {
    const total = totals.get(cell.groupId) ?? { sum: 0, known: false };
    if (cell.gapPoints !== null) {
      total.sum += cell.gapPoints;
      total.known = true;
    }
    totals.set(cell.groupId, total);
  }
  return heatmap.groups
    .map((group) => {
      const total = totals.get(group.id);
      // A group with no cells at all has nothing required: 0 gap points.
      const value = group.suppressed ? null : total === undefined ? 0 : total.known ? total.sum : null;
      return { id: groupKey(group), label: group.name, value };
    })
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.label.localeCompare(b.label));
}

/** Gap points per skill in the server's order (critical first); critical skills highlighted. */
export function gapPointsBySkill(skills: GapSkillRowDto[], format: (value: number | null) => string): CategoryBarDatum[] {
  return skills.map((skill) => ({
    id: skill.skillId,
    label: skill.skillName,
    value: skill.suppressed ? null : skill.gapPoints,
    highlight: skill.weight === CRITICAL_WEIGHT,
    note: [
      `weight ${skill.weight}${skill.weight === CRITICAL_WEIGHT ? ' (critical)' : ''}`,
      `${format(skill.weightedGapPoints)} weighted`,
      `needs level ${skill.requiredLevel}`,
      skill.required === null ? null : `${format(skill.met)} of ${format(skill.required)} meet it`,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
}
