import { Group, Progress, Stack, Text } from '@mantine/core';
import type { ProfileGapDto } from '@skillgrid/shared';
import { useFormat } from '../../../components/ui/format-context';

interface ReadinessSummaryProps {
  label: string;
  roleName: string;
  /** 0..1, weighted by requirement weight; null when the role requires nothing. */
  readiness: number | null;
  gaps: ProfileGapDto[];
}

/** "Payroll Officer: 72 % ready", with the counts that explain the figure. */
export function ReadinessSummary({ label, roleName, readiness, gaps }: ReadinessSummaryProps) {
  const format = useFormat();
  const met = gaps.filter((gap) => gap.gapPoints === 0).length;
  const criticalShort = gaps.filter((gap) => gap.weight === 3 && gap.gapPoints > 0).length;
  const percent = readiness === null ? null : Math.round(readiness * 100);

  return (
    <Stack gap={6}>
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <Text fw={600}>
          {label}: {roleName}
        </Text>
        <Text fw={700} size="xl" aria-hidden={percent !== null}>
          {readiness === null ? 'No requirements' : format.percent(readiness)}
        </Text>
      </Group>
      {percent !== null ? (
        <Progress
          value={percent}
          size="lg"
          radius="sm"
          color="teal"
          aria-label={`${label} for ${roleName}: ${format.percent(readiness)}`}
        />
      ) : null}
      <Text size="sm" c="dimmed">
        {gaps.length === 0
          ? 'This role has no skill requirements yet.'
          : `${met} of ${gaps.length} requirements met${criticalShort > 0 ? `; ${criticalShort} critical skill${criticalShort === 1 ? '' : 's'} short` : ''}.`}
      </Text>
    </Stack>
  );
}
