import { Button, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { DUE_SOON_DAYS } from '@skillgrid/shared';
import { useFormat } from '../../../components/ui/format-context';
import { useAssignments } from '../api/get-assignments';
import type { DueFilter } from '../api/keys';

interface ReminderCardProps {
  label: string;
  /** Undefined while loading; null when it could not be counted. */
  count: number | null | undefined;
  hint: string;
  tone: 'red' | 'yellow';
  active: boolean;
  onShow: () => void;
}

function ReminderCard({ label, count, hint, tone, active, onShow }: ReminderCardProps) {
  const format = useFormat();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={label}
      style={{ borderLeft: `4px solid var(--mantine-color-${tone}-6)` }}
    >
      <Stack gap={4} align="flex-start">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        {count === undefined ? (
          <Skeleton height={28} width={60} />
        ) : (
          <Text fz={28} fw={700} lh={1.15}>
            {format.number(count)}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        {count ? (
          <Button size="compact-sm" variant={active ? 'filled' : 'light'} onClick={onShow} aria-pressed={active}>
            {active ? 'Showing them' : 'Show them'}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}

interface AssignmentRemindersProps {
  teamId?: number;
  due: DueFilter | undefined;
  onShow: (due: DueFilter | undefined) => void;
}

/** Overdue and due-soon counts for the scope (the team filter applies), each a click from the list. */
export function AssignmentReminders({ teamId, due, onShow }: AssignmentRemindersProps) {
  // Only the totals are needed: one row per call.
  const overdue = useAssignments({ teamId, due: 'overdue', page: 1, pageSize: 1 });
  const soon = useAssignments({ teamId, due: 'soon', page: 1, pageSize: 1 });
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" maw={720}>
      <ReminderCard
        label="Overdue"
        count={overdue.isError ? null : overdue.data?.total}
        hint="Open assignments past their due date"
        tone="red"
        active={due === 'overdue'}
        onShow={() => onShow(due === 'overdue' ? undefined : 'overdue')}
      />
      <ReminderCard
        label={`Due within ${DUE_SOON_DAYS} days`}
        count={soon.isError ? null : soon.data?.total}
        hint="Open assignments due soon"
        tone="yellow"
        active={due === 'soon'}
        onShow={() => onShow(due === 'soon' ? undefined : 'soon')}
      />
    </SimpleGrid>
  );
}
