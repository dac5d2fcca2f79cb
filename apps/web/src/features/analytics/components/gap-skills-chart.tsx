import type { GapSkillRowDto } from '@skillgrid/shared';
import { useMemo } from 'react';
import { CategoryBarChart } from '../../../components/charts/category-bar-chart';
import { useFormat } from '../../../components/ui/format-context';
import { gapPointsBySkill } from '../utils/gap-totals';

interface GapSkillsChartProps {
  skills: GapSkillRowDto[];
  title?: string;
  /** Only the first N skills (a summary card). */
  limit?: number;
}

/** Gap points by skill, critical skills first and marked, weight and coverage in the table view. */
export function GapSkillsChart({ skills, title = 'Gap points by skill', limit }: GapSkillsChartProps) {
  const format = useFormat();
  const data = useMemo(
    () => gapPointsBySkill(limit ? skills.slice(0, limit) : skills, (value) => format.number(value)),
    [skills, limit, format],
  );
  return (
    <CategoryBarChart
      title={title}
      description="Levels short of the requirements, summed over the people who need each skill"
      data={data}
      valueLabel="Gap points"
      categoryLabel="Skill"
      noteLabel="Weight and coverage"
      highlightLabel="Critical skill (weight 3)"
      format={(value) => format.number(value)}
    />
  );
}
