import { MAX_LEVEL } from '@skillgrid/shared';
import type { AnalyticsSkillDto, HeatmapCellDto, HeatmapDto, HeatmapGroupDto, HeatmapMetric } from '@skillgrid/shared';
import type { HeatmapCell, HeatmapColumn, HeatmapRow, HeatmapScale } from '../../../components/charts/heatmap';
import type { Formatters } from '../../../lib/format';

export interface MetricChoice {
  metric: HeatmapMetric;
  /** For "holders": people at this level or above (1..5). */
  level: number;
}

export const METRIC_LABELS: Record<HeatmapMetric, string> = {
  coverage: 'Coverage',
  avgLevel: 'Average level',
  holders: 'Holders',
  gapPoints: 'Gap points',
};

/** Below this share of members with any credential on record, a group is marked "partial data". */
export const LOW_COMPLETENESS = 0.5;

const cellKey = (groupId: number, skillId: number) => `${groupId}:${skillId}`;

export function groupKey(group: Pick<HeatmapGroupDto, 'id' | 'direct'>): string {
  return `${group.direct ? 'direct-' : ''}${group.id}`;
}

/**
 * The cell of every (group, skill) pair. The API leaves out pairs with nothing in them: those
 * are 0 holders and nobody required (coverage null), or suppressed with their group.
 */
export function cellLookup(dto: HeatmapDto): (group: HeatmapGroupDto, skill: AnalyticsSkillDto) => HeatmapCellDto {
  const cells = new Map<string, HeatmapCellDto>();
  // "P (direct)" shares P's id with no other group (P itself is not among its children).
  for (const cell of dto.cells) cells.set(cellKey(cell.groupId, cell.skillId), cell);
  return (group, skill) => {
    const cell = cells.get(cellKey(group.id, skill.id));
    if (cell) return cell;
    if (group.suppressed) {
      return {
        groupId: group.id,
        skillId: skill.id,
        headcount: null,
        holders: null,
        avgLevel: null,
        required: null,
        met: null,
        coverage: null,
        gapPoints: null,
        suppressed: true,
      };
    }
    return {
      groupId: group.id,
      skillId: skill.id,
      headcount: group.headcount,
      holders: Array.from({ length: MAX_LEVEL }, () => 0),
      avgLevel: group.headcount ? 0 : null,
      required: 0,
      met: 0,
      coverage: null,
      gapPoints: 0,
      suppressed: false,
    };
  };
}

/** The figure the chosen metric colours; null when there is nothing to measure or it is withheld. */
export function metricValue(cell: HeatmapCellDto, choice: MetricChoice): number | null {
  switch (choice.metric) {
    case 'coverage':
      return cell.coverage;
    case 'avgLevel':
      return cell.avgLevel;
    case 'holders':
      return cell.holders?.[choice.level - 1] ?? null;
    case 'gapPoints':
      return cell.gapPoints;
  }
}

/** Whether the figure exists but is withheld (exec: fewer than PRIVACY_MIN_GROUP required). */
function metricWithheld(cell: HeatmapCellDto, choice: MetricChoice): boolean {
  if (cell.suppressed) return true;
  const required = cell.required ?? 0;
  if (choice.metric === 'coverage') return cell.coverage === null && required > 0;
  if (choice.metric === 'gapPoints') return cell.gapPoints === null && required > 0;
  return false;
}

export function metricScale(cells: HeatmapCellDto[], choice: MetricChoice, format: Formatters): HeatmapScale {
  const max = (values: Array<number | null>) => Math.max(1, ...values.filter((value): value is number => value !== null));
  switch (choice.metric) {
    case 'coverage':
      return {
        domain: [0, 1],
        title: 'Coverage: share of the people who need the skill who meet the level',
        format: format.percent,
      };
    case 'avgLevel':
      return {
        domain: [0, MAX_LEVEL],
        title: 'Average level (everyone counted, 0 = none)',
        format: (value) => format.number(value, 1),
      };
    case 'holders':
      return {
        domain: [0, max(cells.map((cell) => metricValue(cell, choice)))],
        title: `People at level ${choice.level} (${format.levelLabel(choice.level)}) or above`,
        format: (value) => format.number(value),
      };
    case 'gapPoints':
      return {
        domain: [0, max(cells.map((cell) => cell.gapPoints))],
        // More gap points is worse: the scale runs from light (none) to dark.
        reverse: true,
        title: 'Gap points: levels short of the requirements, summed',
        format: (value) => format.number(value),
      };
  }
}

function metricText(value: number | null, choice: MetricChoice, format: Formatters): string {
  if (value === null) return '';
  switch (choice.metric) {
    case 'coverage':
      return format.percent(value);
    case 'avgLevel':
      return format.number(value, 1);
    case 'holders':
    case 'gapPoints':
      return format.number(value);
  }
}

/** The cell's figures in words, the chosen metric first: its tooltip and its screen-reader label. */
function cellDetails(cell: HeatmapCellDto, choice: MetricChoice, format: Formatters, minGroup: number): string[] {
  const required = cell.required ?? 0;
  const people = (count: number | null) => (count === 1 ? '1 person' : `${format.number(count)} people`);
  const coverage =
    required === 0
      ? 'Coverage: nobody here needs this skill'
      : cell.coverage === null
        ? `Coverage withheld: fewer than ${minGroup} people need this skill`
        : `Coverage ${format.percent(cell.coverage)}: ${format.number(cell.met)} of ${people(required)} who need it meet the level`;
  const average = `Average level ${format.number(cell.avgLevel, 1)}`;
  const holders = cell.holders ?? [];
  const holdersLine =
    choice.metric === 'holders'
      ? `${people(holders[choice.level - 1] ?? 0)} at level ${choice.level} or above`
      : `Holders at level ≥1 to ≥5: ${holders.map((count) => format.number(count)).join(', ')}`;
  const gaps =
    cell.gapPoints === null
      ? required === 0
        ? 'Gap points: none required'
        : `Gap points withheld: fewer than ${minGroup} people need this skill`
      : `Gap points ${format.number(cell.gapPoints)}`;
  const byMetric: Record<HeatmapMetric, string> = { coverage, avgLevel: average, holders: holdersLine, gapPoints: gaps };
  const order: HeatmapMetric[] = [choice.metric, ...(['coverage', 'gapPoints', 'avgLevel', 'holders'] as const)];
  return [...new Set(order)].map((metric) => byMetric[metric]).concat(`${people(cell.headcount)} in the group`);
}

export function heatmapCell(cell: HeatmapCellDto, choice: MetricChoice, format: Formatters, minGroup: number): HeatmapCell {
  if (cell.suppressed) {
    return { value: null, text: '', suppressed: true, details: [`Withheld for privacy: fewer than ${minGroup} people`] };
  }
  const value = metricValue(cell, choice);
  return {
    value,
    text: metricText(value, choice, format),
    suppressed: metricWithheld(cell, choice),
    details: cellDetails(cell, choice, format, minGroup),
  };
}

export function heatmapColumns(skills: AnalyticsSkillDto[]): HeatmapColumn[] {
  return skills.map((skill) => ({
    id: String(skill.id),
    label: skill.name,
    description: `${skill.category} · ${skill.kind === 'hard' ? 'hard' : 'soft'} skill`,
  }));
}

export function heatmapRow(
  group: HeatmapGroupDto,
  format: Formatters,
  minGroup: number,
  drill: { drillable: boolean; actionLabel?: string },
): HeatmapRow {
  const partial = group.completeness !== null && group.completeness < LOW_COMPLETENESS;
  return {
    id: groupKey(group),
    label: group.name,
    detail:
      group.suppressed || group.headcount === null ? `fewer than ${minGroup} people` : `${format.number(group.headcount)} people`,
    marker: partial
      ? {
          label: 'Partial data',
          description: `only ${format.percent(group.completeness)} of its people have a credential on record, so gaps may be missing records`,
        }
      : undefined,
    ...drill,
  };
}
