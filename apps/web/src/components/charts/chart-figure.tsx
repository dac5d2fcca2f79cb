import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';

interface ChartFigureProps {
  title: string;
  /** A line under the title: what the figure counts. */
  description?: ReactNode;
  /** Controls shown beside the Chart / Table switch (a metric picker). */
  actions?: ReactNode;
  chart: ReactNode;
  /** The same numbers as a table (UI.md: a table behind every chart). */
  table: ReactNode;
  /** Below either view: a legend, a note on withheld figures. */
  footer?: ReactNode;
}

/** A titled chart with a "Chart / Table" switch; only the chosen view is rendered. */
export function ChartFigure({ title, description, actions, chart, table, footer }: ChartFigureProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  return (
    <Stack gap="xs" component="figure" m={0} aria-labelledby={headingId} style={{ minWidth: 0 }}>
      <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text component="figcaption" id={headingId} fw={600}>
            {title}
          </Text>
          {description ? (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs" wrap="wrap">
          {actions}
          <SegmentedControl
            size="xs"
            aria-label={`Show ${title.toLowerCase()} as`}
            value={view}
            onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
            data={[
              { value: 'chart', label: 'Chart' },
              { value: 'table', label: 'Table' },
            ]}
          />
        </Group>
      </Group>
      {view === 'chart' ? chart : table}
      {footer}
    </Stack>
  );
}
