import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** Rows of skeleton bars standing in for a table while it loads. */
export function TableSkeleton({ rows = 8, label = 'Loading table' }: { rows?: number; label?: string }) {
  return (
    <Stack gap="xs" role="status" aria-live="polite">
      <VisuallyHidden>{label}</VisuallyHidden>
      <Skeleton height={34} radius="sm" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={26} radius="sm" />
      ))}
    </Stack>
  );
}
