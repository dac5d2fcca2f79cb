import { Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title, type ComboboxItem } from '@mantine/core';
import type { EmployeeProfileDto, RecommendationDto } from '@skillgrid/shared';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import type { ProfileSubject } from '../api/keys';
import { AssignmentsTable } from './assignments-table';
import { CompletionsTable } from './completions-table';
import { GapsTable } from './gaps-table';
import { ProfileHeader } from './profile-header';
import { ProfileSkillsTable } from './profile-skills-table';
import { ReadinessSummary } from './readiness-summary';
import { RecommendationsPanel } from './recommendations-panel';
import { TargetRoleSelect } from './target-role-select';

// Recharts is the heaviest dependency: it loads only when a profile is on screen.
const LevelBarChart = lazy(() => import('../../../components/charts/level-bar-chart'));

interface SectionProps {
  title: string;
  description?: ReactNode;
  /** Buttons beside the title. */
  actions?: ReactNode;
  children: ReactNode;
}

function Section({ title, description, actions, children }: SectionProps) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4">
              {title}
            </Title>
            {description ? (
              <Text size="sm" c="dimmed">
                {description}
              </Text>
            ) : null}
          </Stack>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

interface EmployeeProfileViewProps {
  profile: EmployeeProfileDto;
  /** Replaces the name as the page heading ("My skills"), and speaks to the reader ("you"). */
  title?: string;
  /** Whose profile, for the recommendations and the career goal: 'me' on My skills, else the employee's id. */
  subject?: ProfileSubject;
  /** The roles a career goal can be chosen from; without them the goal is shown, not edited. */
  roleOptions?: ComboboxItem[];
  roleOptionsLoading?: boolean;
  /** Acting on the recommended credentials (assigning them), for those who may. */
  recommendationActions?: (recommendation: RecommendationDto) => ReactNode;
  /** Acting on the credentials (recording a completion), for those who may. */
  completionActions?: ReactNode;
  /** The Open Badges section (import, download), composed by the page. */
  openBadges?: ReactNode;
}

/** One employee's skills against their role (and career goal), with completions, assignments and what to take next. */
export function EmployeeProfileView({
  profile,
  title,
  subject,
  roleOptions,
  roleOptionsLoading,
  recommendationActions,
  completionActions,
  openBadges,
}: EmployeeProfileViewProps) {
  const format = useFormat();
  const { employee } = profile;
  const self = subject === 'me';
  const hasGoal = Boolean(employee.targetRoleId);
  const [compareWith, setCompareWith] = useState<'role' | 'goal'>('role');
  const chartAgainstGoal = compareWith === 'goal' && hasGoal;
  const chartGaps = chartAgainstGoal ? profile.targetGaps : profile.gaps;
  const chartRole = chartAgainstGoal ? (employee.targetRoleName ?? 'career goal') : employee.roleName;
  const chartData = useMemo(() => {
    const expiries = new Map(profile.skills.map((skill) => [skill.skillId, skill.expiresAt]));
    return chartGaps.map((gap) => ({
      id: gap.skillId,
      name: gap.skillName,
      current: gap.currentLevel,
      required: gap.requiredLevel,
      critical: gap.weight === 3,
      expiresAt: expiries.get(gap.skillId) ?? null,
    }));
  }, [chartGaps, profile.skills]);

  return (
    <Stack gap="lg">
      <ProfileHeader employee={employee} title={title} />

      {roleOptions && subject !== undefined ? (
        <TargetRoleSelect
          subject={subject}
          employee={employee}
          roleOptions={roleOptions}
          loading={roleOptionsLoading}
          self={self}
        />
      ) : null}

      <SimpleGrid cols={{ base: 1, md: hasGoal ? 2 : 1 }} spacing="md">
        <Paper withBorder radius="md" p="md">
          <ReadinessSummary
            label="Readiness for role"
            roleName={employee.roleName}
            readiness={profile.roleReadiness}
            gaps={profile.gaps}
          />
        </Paper>
        {hasGoal ? (
          <Paper withBorder radius="md" p="md">
            <ReadinessSummary
              label="Readiness for career goal"
              roleName={employee.targetRoleName ?? 'Target role'}
              readiness={profile.targetRoleReadiness}
              gaps={profile.targetGaps}
            />
          </Paper>
        ) : null}
      </SimpleGrid>

      {chartData.length > 0 || hasGoal ? (
        <Paper withBorder radius="md" p="md">
          <Suspense fallback={<Skeleton height={56 + chartData.length * 34} radius="sm" />}>
            <LevelBarChart
              title={`Current vs required level (${chartRole})`}
              data={chartData}
              levelLabel={format.levelLabel}
              formatDate={format.date}
              actions={
                hasGoal ? (
                  <SegmentedControl
                    size="xs"
                    aria-label="Compare with"
                    value={compareWith}
                    onChange={(value) => setCompareWith(value === 'goal' ? 'goal' : 'role')}
                    data={[
                      { value: 'role', label: 'Role' },
                      { value: 'goal', label: 'Career goal' },
                    ]}
                  />
                ) : undefined
              }
            />
          </Suspense>
        </Paper>
      ) : null}

      {subject !== undefined ? (
        <Section
          title="Recommended next credentials"
          description={
            self
              ? 'The cheapest set of courses that closes your gaps.'
              : `The cheapest set of courses that closes ${employee.name}’s gaps.`
          }
        >
          <RecommendationsPanel subject={subject} employee={employee} self={self} actions={recommendationActions} />
        </Section>
      ) : null}

      <Section title="Assignments">
        <AssignmentsTable assignments={profile.assignments} asOf={profile.asOf} />
      </Section>

      <Section title={`Gaps to ${employee.roleName}`}>
        <GapsTable gaps={profile.gaps} caption={`Requirements of ${employee.roleName} and the gap to each`} />
      </Section>

      {hasGoal ? (
        <Section title={`Gaps to career goal ${employee.targetRoleName ?? ''}`.trim()}>
          <GapsTable gaps={profile.targetGaps} caption={`Requirements of the career goal ${employee.targetRoleName ?? ''}`} />
        </Section>
      ) : null}

      <Section title="Skills">
        <ProfileSkillsTable skills={profile.skills} asOf={profile.asOf} />
      </Section>

      <Section title="Credentials" actions={completionActions}>
        <CompletionsTable completions={profile.completions} asOf={profile.asOf} />
      </Section>

      {openBadges ? (
        <Section
          title="Open Badges"
          description="Badges from other issuers, verified before they count; credentials as signed Open Badges."
        >
          {openBadges}
        </Section>
      ) : null}
    </Stack>
  );
}
