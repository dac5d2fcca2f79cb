import { Group, List, Popover, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import type { AssignmentStepDto } from '@skillgrid/shared';
import { useFormat } from './format-context';

interface AssignmentProgressProps {
  /** What is being done ("Tax basics"), for the labels read out. */
  title: string;
  done: number;
  total: number;
  steps: AssignmentStepDto[];
}

/**
 * done/total as a bar and in figures; the figures open the list of credentials with when each
 * was completed (a popover, so the table keeps one line per assignment).
 */
export function AssignmentProgress({ title, done, total, steps }: AssignmentProgressProps) {
  const format = useFormat();
  const bar = (
    <Progress
      value={total > 0 ? (done / total) * 100 : 0}
      w={72}
      size="sm"
      color="teal"
      aria-label={`${title}: ${done} of ${total} credentials done`}
    />
  );
  if (steps.length === 0)
    return (
      <Group gap="xs" wrap="nowrap" miw={120}>
        {bar}
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {done}/{total}
        </Text>
      </Group>
    );
  return (
    <Group gap="xs" wrap="nowrap" miw={120}>
      {bar}
      <Popover width={320} position="bottom-start" withArrow shadow="md">
        <Popover.Target>
          <UnstyledButton
            aria-label={`${done}/${total}: show the steps of ${title}`}
            fz="sm"
            c="var(--mantine-color-anchor)"
            style={{ whiteSpace: 'nowrap', textDecoration: 'underline dotted', textUnderlineOffset: 3 }}
          >
            {done}/{total}
          </UnstyledButton>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {title}
            </Text>
            <List spacing={4} size="sm" listStyleType="none" aria-label={`Steps of ${title}`}>
              {steps.map((step) => (
                <List.Item key={step.credentialId}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Text span aria-hidden="true" c={step.completedAt ? 'teal' : 'dimmed'} fw={700} w={14}>
                      {step.completedAt ? '✓' : '○'}
                    </Text>
                    <Stack gap={0}>
                      <Text size="sm">{step.credentialName}</Text>
                      <Text size="xs" c="dimmed">
                        {step.completedAt ? `Done ${format.date(step.completedAt)}` : 'Not done yet'} ·{' '}
                        {format.number(step.hours, 1)} h · {format.money(step.cost)}
                      </Text>
                    </Stack>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
