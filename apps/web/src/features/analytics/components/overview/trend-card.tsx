import { Select, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { GapSkillRowDto } from '@skillgrid/shared';
import { TrendLineChart } from '../../../../components/charts/trend-line-chart';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { useTrend } from '../../api/get-trend';
import { OverviewCard } from './overview-card';

const MONTHS = 24;

interface TrendCardProps {
  /** The team followed (a manager's first team, or the team chosen); none for the organisation. */
  teamId?: number;
  /** The skill followed; without a team, the skill with the largest gap is the default. */
  skillId?: number;
  /** The skills offered (the top gaps). */
  skills: GapSkillRowDto[];
  /** The top gaps are on their way (the default skill comes from them). */
  skillsPending?: boolean;
  onSkillChange: (skillId: number | undefined) => void;
}

/** The skill with the most gap points: what an organisation-wide trend follows by default. */
export function largestGapSkill(skills: GapSkillRowDto[]): GapSkillRowDto | undefined {
  return skills.reduce<GapSkillRowDto | undefined>(
    (best, skill) => ((skill.gapPoints ?? -1) > (best?.gapPoints ?? -1) ? skill : best),
    undefined,
  );
}

/** Coverage and average level month by month, for a team or a skill. */
export function TrendCard({ teamId, skillId, skills, skillsPending, onSkillChange }: TrendCardProps) {
  const followed = skillId ?? (teamId === undefined ? largestGapSkill(skills)?.skillId : undefined);
  const trend = useTrend({ teamId, skillId: followed, months: MONTHS });
  const enabled = teamId !== undefined || followed !== undefined;
  const subject = [trend.data?.skill?.name, trend.data?.team?.name].filter(Boolean).join(' in ');

  const skillSelect = (
    <Select
      size="xs"
      label="Skill followed"
      placeholder={teamId !== undefined ? 'All required skills' : 'Choose a skill'}
      data={skills.map((skill) => ({ value: String(skill.skillId), label: skill.skillName }))}
      value={followed !== undefined ? String(followed) : null}
      onChange={(value) => onSkillChange(value ? Number(value) : undefined)}
      clearable={teamId !== undefined}
      w={220}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <OverviewCard title="Coverage trend">
      {skills.length > 0 ? skillSelect : null}
      {!enabled && !skillsPending ? (
        <EmptyState title="Nothing to follow yet" description="Choose a team above, or a skill once there are gaps to follow." />
      ) : trend.isPending || !enabled ? (
        <Stack gap="xs" role="status">
          <VisuallyHidden>Loading the coverage trend</VisuallyHidden>
          <Skeleton height={260} radius="sm" />
        </Stack>
      ) : trend.isError ? (
        <ErrorState
          error={trend.error}
          title="Could not load the coverage trend"
          onRetry={() => void trend.refetch()}
          retrying={trend.isFetching}
        />
      ) : trend.data.points.length === 0 ? (
        <EmptyState title="No history yet" description="Monthly figures appear once there are month-ends to look back on." />
      ) : (
        <>
          <TrendLineChart
            title={`Coverage over ${MONTHS} months${subject ? `: ${subject}` : ''}`}
            description="Share of the people who need the skill who meet the level, at each month end"
            data={trend.data.points}
          />
          {trend.data.points.some((point) => point.stale) ? (
            <Text size="xs" c="dimmed">
              From {trend.data.points.find((point) => point.stale)?.month} on, the month ends are being recalculated after a
              change to past records; until then they show the figures from before it.
            </Text>
          ) : null}
        </>
      )}
    </OverviewCard>
  );
}
