import { AppShell, Badge, Box, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { DelayedLoader } from '../../components/ui/delayed-loader';
import { FormatProvider } from '../../components/ui/format-context';
import { useLogout } from '../../features/auth/api/logout';
import { NotificationsBell } from '../../features/notifications/components/notifications-bell';
import { useOrganisation } from '../../features/organisation/api/get-organisation';
import { createFormatters, formatSettingsFrom } from '../../lib/format';
import type { NotificationDto } from '@skillgrid/shared';
import { useCurrentUser } from '../guards/session';
import { homePathFor, navItemsFor, ROLE_LABELS } from '../personas';
import { ColorSchemeToggle } from './color-scheme-toggle';

/** A reminder leads to one's own My skills, or to the report's profile. */
function notificationHref(notification: NotificationDto): string {
  return notification.about === 'self' ? '/me' : `/employees/${notification.employeeId}`;
}

function isActive(pathname: string, to: string) {
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** Header with organisation and user, navigation adapted to the persona, and the page. */
export function AppLayout() {
  const user = useCurrentUser();
  const organisation = useOrganisation();
  const location = useLocation();
  const navigate = useNavigate();
  const [navOpened, nav] = useDisclosure(false);
  const logout = useLogout({ onLoggedOut: () => navigate('/sign-in', { replace: true }) });

  const formatters = useMemo(() => createFormatters(formatSettingsFrom(organisation.data)), [organisation.data]);
  const items = navItemsFor(user);

  return (
    <FormatProvider value={formatters}>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
        padding={{ base: 'sm', sm: 'md' }}
      >
        <a href="#main-content" className="skip-link">
          Skip to content
        </a>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
                aria-expanded={navOpened}
                aria-controls="main-navigation"
              />
              <Text
                component={Link}
                to={homePathFor(user)}
                fw={700}
                size="lg"
                style={{ textDecoration: 'none', color: 'inherit' }}
              >
                Skillgrid
              </Text>
              {organisation.data ? (
                <Text size="sm" c="dimmed" truncate visibleFrom="xs">
                  {organisation.data.name}
                </Text>
              ) : null}
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Group gap={6} wrap="nowrap" visibleFrom="sm">
                <Text size="sm" fw={500} truncate maw={200}>
                  {user.name}
                </Text>
                <Badge variant="light" tt="none" aria-label={`Role: ${ROLE_LABELS[user.role]}`}>
                  {ROLE_LABELS[user.role]}
                </Badge>
              </Group>
              {user.employeeId !== null ? <NotificationsBell hrefFor={notificationHref} /> : null}
              <ColorSchemeToggle />
              <Button variant="default" size="xs" onClick={() => logout.mutate()} loading={logout.isPending}>
                Sign out
              </Button>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" id="main-navigation" component="nav" aria-label="Main navigation">
          <AppShell.Section grow>
            <Stack gap={2}>
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={item.label}
                  active={isActive(location.pathname, item.to)}
                  aria-current={isActive(location.pathname, item.to) ? 'page' : undefined}
                  onClick={nav.close}
                />
              ))}
            </Stack>
          </AppShell.Section>
          <AppShell.Section hiddenFrom="sm">
            <Box px="sm" py="xs">
              <Text size="sm" fw={500}>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed">
                {ROLE_LABELS[user.role]}
                {organisation.data ? ` · ${organisation.data.name}` : ''}
              </Text>
            </Box>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main-content" tabIndex={-1}>
          <Suspense fallback={<DelayedLoader label="Loading page" />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </FormatProvider>
  );
}
