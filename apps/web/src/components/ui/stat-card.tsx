import { Anchor, Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface StatCardProps {
  label: string;
  value: ReactNode;
  /** What the figure is made of ("41 of 52 requirements met"). */
  hint?: ReactNode;
  /** Where the figure's detail is. */
  href?: string;
  linkLabel?: string;
}

/** A headline figure with its explanation and a link to the page behind it. */
export function StatCard({ label, value, hint, href, linkLabel = 'See details' }: StatCardProps) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={label}>
      <Stack gap={4}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.15}>
          {value}
        </Text>
        {hint ? (
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        ) : null}
        {href ? (
          <Anchor component={Link} to={href} size="sm" aria-label={`${linkLabel}: ${label}`}>
            {linkLabel}
          </Anchor>
        ) : null}
      </Stack>
    </Paper>
  );
}

export function StatCardSkeleton() {
  return (
    <Paper withBorder radius="md" p="md" aria-hidden="true">
      <Stack gap={8}>
        <Skeleton height={10} width="50%" />
        <Skeleton height={28} width="40%" />
        <Skeleton height={12} width="80%" />
      </Stack>
    </Paper>
  );
}
