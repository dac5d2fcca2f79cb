import { Anchor, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface OverviewCardProps {
  title: string;
  /** The page with the whole story. */
  href?: string;
  linkLabel?: string;
  children: ReactNode;
}

/** A card of the overview: a heading, its content (or its loading, empty or error state), a link on. */
export function OverviewCard({ title, href, linkLabel = 'Open', children }: OverviewCardProps) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title} style={{ minWidth: 0 }}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {title}
          </Title>
          {href ? (
            <Anchor component={Link} to={href} size="sm">
              {linkLabel}
            </Anchor>
          ) : null}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
