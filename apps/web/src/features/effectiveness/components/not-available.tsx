import { Text, Tooltip, VisuallyHidden } from '@mantine/core';

/** A figure that cannot be worked out (a denominator of 0): a dash, with the reason on hover and for screen readers. */
export function NotAvailable({ reason }: { reason: string }) {
  return (
    <Tooltip label={reason} withArrow multiline maw={260}>
      <Text component="span" size="sm" c="dimmed" tabIndex={0} style={{ cursor: 'help' }}>
        <span aria-hidden="true">—</span>
        <VisuallyHidden>Not available: {reason}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}
