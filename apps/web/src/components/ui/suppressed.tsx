import { Box, Text, Tooltip } from '@mantine/core';

interface SuppressedProps {
  /** The organisation's PRIVACY_MIN_GROUP. */
  minGroup: number;
  /** The words shown; "fewer than N" by default. */
  label?: string;
}

/** A figure withheld for privacy: hatched, with the reason in words (UI.md, suppressed cells). */
export function Suppressed({ minGroup, label = `fewer than ${minGroup}` }: SuppressedProps) {
  return (
    <Tooltip label={`Withheld for privacy: fewer than ${minGroup} people`} withArrow>
      <Box
        component="span"
        tabIndex={0}
        p={3}
        style={{
          display: 'inline-block',
          borderRadius: 4,
          whiteSpace: 'nowrap',
          background: 'repeating-linear-gradient(45deg, var(--mantine-color-default-border) 0 3px, transparent 3px 6px)',
        }}
      >
        {/* The hatching frames the words instead of running behind them, so they stay legible. */}
        <Text component="span" size="xs" px={4} style={{ background: 'var(--mantine-color-body)', borderRadius: 2 }}>
          {label}
        </Text>
      </Box>
    </Tooltip>
  );
}
