import { Paper, Skeleton, Stack, VisuallyHidden } from '@mantine/core';

export function EmployeeProfileSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-live="polite">
      <VisuallyHidden>Loading profile</VisuallyHidden>
      <Skeleton height={32} width="40%" />
      <Skeleton height={48} />
      <Paper withBorder p="md" radius="md">
        <Skeleton height={80} />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Skeleton height={220} />
      </Paper>
    </Stack>
  );
}
