import { Paper, SimpleGrid, Skeleton, Stack, Title } from '@mantine/core';
import type { EmployeeProfileDto } from '@skillgrid/shared';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useFormat } from '../../../components/ui/format-context';
import { AssignmentsTable } from './assignments-table';
import { CompletionsTable } from './completions-table';
import { GapsTable } from './gaps-table';
import { ProfileHeader } from './profile-header';
import { ProfileSkillsTable } from './profile-skills-table';
import { ReadinessSummary } from './readiness-summary';

// Recharts is the heaviest dependency: it loads only when a profile is on screen.
const LevelBarChart = lazy(() => import('../../../components/charts/level-bar-chart'));

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

interface EmployeeProfileViewProps {
  profile: EmployeeProfileDto;
  /** Replaces the name as the page heading ("My skills"). */
  title?: string;
}

/** One employee's skills against their role (and target role), with completions and assignments. */
export function EmployeeProfileView({ profile, title }: EmployeeProfileViewProps) {
  const format = useFormat();
  const { employee } = profile;
  const chartData = useMemo(
    () =>
      profile.gaps.map((gap) => ({
        id: gap.skillId,
        name: gap.skillName,
        current: gap.currentLevel,
        required: gap.requiredLevel,
        critical: gap.weight === 3,
      })),
    [profile.gaps],
  );

  return (
    <Stack gap="lg">
      <ProfileHeader employee={employee} title={title} />

      <SimpleGrid cols={{ base: 1, md: employee.targetRoleId ? 2 : 1 }} spacing="md">
        <Paper withBorder radius="md" p="md">
          <ReadinessSummary
            label="Readiness for role"
            roleName={employee.roleName}
            readiness={profile.roleReadiness}
            gaps={profile.gaps}
          />
        </Paper>
        {employee.targetRoleId ? (
          <Paper withBorder radius="md" p="md">
            <ReadinessSummary
              label="Readiness for target role"
              roleName={employee.targetRoleName ?? 'Target role'}
              readiness={profile.targetRoleReadiness}
              gaps={profile.targetGaps}
            />
          </Paper>
        ) : null}
      </SimpleGrid>

      {chartData.length > 0 ? (
        <Paper withBorder radius="md" p="md">
          <Suspense fallback={<Skeleton height={56 + chartData.length * 34} radius="sm" />}>
            <LevelBarChart
              title={`Current vs required level (${employee.roleName})`}
              data={chartData}
              levelLabel={format.levelLabel}
            />
          </Suspense>
        </Paper>
      ) : null}

      <Section title={`Gaps to ${employee.roleName}`}>
        <GapsTable gaps={profile.gaps} caption={`Requirements of ${employee.roleName} and the gap to each`} />
      </Section>

      {employee.targetRoleId ? (
        <Section title={`Gaps to target role ${employee.targetRoleName ?? ''}`.trim()}>
          <GapsTable gaps={profile.targetGaps} caption={`Requirements of the target role ${employee.targetRoleName ?? ''}`} />
        </Section>
      ) : null}

      <Section title="Skills">
        <ProfileSkillsTable skills={profile.skills} asOf={profile.asOf} />
      </Section>

      <Section title="Completions">
        <CompletionsTable completions={profile.completions} asOf={profile.asOf} />
      </Section>

      <Section title="Assignments">
        <AssignmentsTable assignments={profile.assignments} />
      </Section>
    </Stack>
  );
}
