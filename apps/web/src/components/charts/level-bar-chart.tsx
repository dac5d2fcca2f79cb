import { Box, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { scrollRegionProps, useScrollOverflow } from '../ui/use-scroll-overflow';
import { ChartFigure } from './chart-figure';

export interface LevelBarDatum {
  id: number;
  name: string;
  current: number;
  required: number;
  /** Weight 3 requirement. */
  critical: boolean;
  /** Until when the current level is held; null when it never expires (the table shows it). */
  expiresAt?: string | null;
}

interface LevelBarChartProps {
  title: string;
  data: LevelBarDatum[];
  maxLevel?: number;
  levelLabel: (level: number) => string;
  /** Shows an "Expires" column in the table view. */
  formatDate?: (date: string) => string;
  /** Controls beside the Chart / Table switch (which role to compare with). */
  actions?: ReactNode;
}

// Viridis teal: readable on light and dark backgrounds and for colour-blind users.
const CURRENT_COLOUR = '#21918c';
const REQUIRED_STROKE = 'var(--mantine-color-text)';
const ROW_HEIGHT = 34;

function truncate(name: string, max: number) {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

/** An HTML legend: Recharts leaves out series without a fill, and text is easier to read here. */
function ChartLegend() {
  const swatch = { display: 'inline-block', width: 18, height: 10, borderRadius: 2 } as const;
  return (
    <Group gap="md" justify="center" aria-hidden="true">
      <Group gap={6}>
        <Box component="span" style={{ ...swatch, background: CURRENT_COLOUR }} />
        <Text size="xs">Current level (solid)</Text>
      </Group>
      <Group gap={6}>
        <Box component="span" style={{ ...swatch, border: `1.5px dashed ${REQUIRED_STROKE}` }} />
        <Text size="xs">Required level (outlined)</Text>
      </Group>
    </Group>
  );
}

function levelText(level: number, levelLabel: (level: number) => string) {
  return level > 0 ? `${level} · ${levelLabel(level)}` : 'None';
}

/**
 * Current vs required level per skill. Current is a solid bar, required an outlined one, so
 * the two differ by shape as well as colour; the same numbers are one click away as a table.
 */
export function LevelBarChart({ title, data, maxLevel = 5, levelLabel, formatDate, actions }: LevelBarChartProps) {
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  // Wide screens show whole skill names (the longest demo ones run to 35 characters); phones
  // shorten them, and the tooltip and the table view carry them in full.
  const labelWidth = narrow ? 128 : 250;
  const labelChars = narrow ? 17 : 38;
  const [scrollContainerRef, overflowing] = useScrollOverflow();
  const short = data.filter((row) => row.current < row.required).length;
  const summary = `${title}: ${data.length} required skills, ${short} below the required level.`;

  const chart = (
    <Stack gap={4}>
      <div role="img" aria-label={summary} style={{ width: '100%', height: 40 + data.length * ROW_HEIGHT }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }} barGap={2}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis
              type="number"
              domain={[0, maxLevel]}
              ticks={Array.from({ length: maxLevel + 1 }, (_, index) => index)}
              allowDecimals={false}
              tick={{ fontSize: 12, fill: 'var(--mantine-color-dimmed)' }}
            />
            <YAxis
              type="category"
              dataKey="name"
              width={labelWidth}
              interval={0}
              tick={{ fontSize: 12, fill: 'var(--mantine-color-text)' }}
              tickFormatter={(name: string) => truncate(name, labelChars)}
            />
            <Tooltip
              formatter={(value, name) => [levelText(Number(value), levelLabel), String(name)]}
              contentStyle={{ background: 'var(--mantine-color-body)', borderColor: 'var(--mantine-color-default-border)' }}
            />
            <Bar dataKey="current" name="Current level" fill={CURRENT_COLOUR} barSize={10} isAnimationActive={false} />
            <Bar
              dataKey="required"
              name="Required level"
              fill="transparent"
              stroke={REQUIRED_STROKE}
              strokeWidth={1.5}
              strokeDasharray="4 2"
              barSize={10}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend />
    </Stack>
  );

  const table = (
    <Table.ScrollContainer
      ref={scrollContainerRef}
      minWidth={420}
      type="native"
      style={{ position: 'relative' }}
      {...scrollRegionProps(overflowing, title)}
    >
      <Table striped verticalSpacing={4}>
        <VisuallyHidden component="caption">{title}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Skill</Table.Th>
            <Table.Th scope="col">Current level</Table.Th>
            <Table.Th scope="col">Required level</Table.Th>
            <Table.Th scope="col">Gap</Table.Th>
            {formatDate ? <Table.Th scope="col">Expires</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" fw={400}>
                {row.name}
                {row.critical ? ' (critical)' : ''}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{levelText(row.current, levelLabel)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{levelText(row.required, levelLabel)}</Table.Td>
              <Table.Td>{Math.max(0, row.required - row.current)}</Table.Td>
              {formatDate ? (
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {row.current === 0 ? '–' : row.expiresAt ? formatDate(row.expiresAt) : 'Never'}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return <ChartFigure title={title} actions={actions} chart={chart} table={table} />;
}

export default LevelBarChart;
