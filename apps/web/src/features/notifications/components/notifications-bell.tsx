import { ActionIcon, Anchor, Badge, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { NotificationDto } from '@skillgrid/shared';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { useFormat } from '../../../components/ui/format-context';
import { useNotifications } from '../api/get-notifications';

interface NotificationsBellProps {
  /** Where a notification leads (My skills for one's own, the assignment list or profile for a report's). */
  hrefFor: (notification: NotificationDto) => string;
}

const GROUPS: Array<{ kind: NotificationDto['kind']; title: string }> = [
  { kind: 'assignment_overdue', title: 'Overdue' },
  { kind: 'assignment_due', title: 'Due soon' },
  { kind: 'credential_expiring', title: 'Credentials expiring' },
];

function when(notification: NotificationDto): string {
  const days = notification.daysLeft;
  if (notification.kind === 'assignment_overdue') return `${-days} day${days === -1 ? '' : 's'} overdue`;
  const verb = notification.kind === 'credential_expiring' ? 'expires' : 'due';
  if (days === 0) return `${verb} today`;
  return `${verb} in ${days} day${days === 1 ? '' : 's'}`;
}

function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The header's reminders: a count on a bell, and the list a click away. Polls every few minutes. */
export function NotificationsBell({ hrefFor }: NotificationsBellProps) {
  const format = useFormat();
  const [opened, { toggle, close }] = useDisclosure(false);
  const notifications = useNotifications();
  const items = notifications.data?.items ?? [];
  const count = items.length;
  const label = count === 0 ? 'Notifications: none' : `Notifications: ${count}`;

  return (
    // The indicator wraps the popover, not its target: the target's ARIA attributes belong on the button.
    <Indicator label={count > 99 ? '99+' : count} size={16} color="red" disabled={count === 0} offset={4}>
      <Popover
        opened={opened}
        onChange={(next) => (next ? undefined : close())}
        width={340}
        position="bottom-end"
        shadow="md"
        withArrow
      >
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={label}
            title="Notifications"
            aria-expanded={opened}
            aria-haspopup="dialog"
            onClick={toggle}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} role="dialog" aria-label="Notifications">
          <Group justify="space-between" px="sm" py="xs">
            <Text fw={600} size="sm">
              Notifications
            </Text>
            {notifications.data ? (
              <Text size="xs" c="dimmed">
                as of {format.date(notifications.data.asOf)}
              </Text>
            ) : null}
          </Group>
          <Divider />
          {notifications.isPending ? (
            <Text size="sm" c="dimmed" p="sm">
              Loading…
            </Text>
          ) : notifications.isError ? (
            <Text size="sm" c="red.9" p="sm">
              Could not load notifications.
            </Text>
          ) : count === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              Nothing due, overdue or expiring soon.
            </Text>
          ) : (
            <ScrollArea.Autosize mah={380} type="auto">
              <Stack gap={0} pb="xs">
                {GROUPS.map(({ kind, title }) => {
                  const group = items.filter((item) => item.kind === kind);
                  if (group.length === 0) return null;
                  return (
                    <Fragment key={kind}>
                      <Group gap={6} px="sm" pt="sm" pb={4}>
                        <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                          {title}
                        </Text>
                        <Badge size="xs" variant="light" color={kind === 'assignment_overdue' ? 'red' : 'gray'}>
                          {group.length}
                        </Badge>
                      </Group>
                      <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label={title}>
                        {group.map((item) => (
                          <li key={`${item.kind}-${item.assignmentId ?? item.completionId}-${item.employeeId}`}>
                            <Anchor
                              component={Link}
                              to={hrefFor(item)}
                              onClick={close}
                              underline="never"
                              display="block"
                              px="sm"
                              py={6}
                              c="inherit"
                              className="notification-link"
                            >
                              <Text size="sm" fw={500}>
                                {item.title}
                              </Text>
                              <Text size="xs" c={item.kind === 'assignment_overdue' ? 'red.9' : 'dimmed'}>
                                {item.about === 'self' ? 'You' : item.employeeName} · {when(item)} ({format.date(item.date)})
                              </Text>
                            </Anchor>
                          </li>
                        ))}
                      </Stack>
                    </Fragment>
                  );
                })}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
