import { Group, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface LevelBarDatum {
  id: number;
  name: string;
  current: number;
  required: number;
  /** Weight 3 requirement. */
  critical: boolean;
}

interface LevelBarChartProps {
  title: string;
  data: LevelBarDatum[];
  maxLevel?: number;
  levelLabel: (level: number) => string;
}

// Viridis teal: readable on light and dark backgrounds and for colour-blind users.
const CURRENT_COLOUR = '#21918c';
const ROW_HEIGHT = 34;

function levelText(level: number, levelLabel: (level: number) => string) {
  return level > 0 ? `${level} · ${levelLabel(level)}` : 'None';
}

/**
 * Current vs required level per skill. Current is a solid bar, required an outlined one, so
 * the two differ by shape as well as colour; the same numbers are one click away as a table.
 */
export function LevelBarChart({ title, data, maxLevel = 5, levelLabel }: LevelBarChartProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  const short = data.filter((row) => row.current < row.required).length;
  const summary = `${title}: ${data.length} required skills, ${short} below the required level.`;

  return (
    <Stack gap="xs" component="figure" m={0} aria-labelledby={headingId}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text component="figcaption" id={headingId} fw={600}>
          {title}
        </Text>
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
      {view === 'chart' ? (
        <div role="img" aria-label={summary} style={{ width: '100%', height: 56 + data.length * ROW_HEIGHT }}>
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
                width={140}
                tick={{ fontSize: 12, fill: 'var(--mantine-color-text)' }}
                tickFormatter={(name: string) => (name.length > 20 ? `${name.slice(0, 19)}…` : name)}
              />
              <Tooltip
                formatter={(value, name) => [levelText(Number(value), levelLabel), String(name)]}
                contentStyle={{ background: 'var(--mantine-color-body)', borderColor: 'var(--mantine-color-default-border)' }}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Bar dataKey="current" name="Current level" fill={CURRENT_COLOUR} barSize={10} isAnimationActive={false} />
              <Bar
                dataKey="required"
                name="Required level"
                fill="transparent"
                stroke="var(--mantine-color-text)"
                strokeWidth={1.5}
                strokeDasharray="4 2"
                barSize={10}
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <Table.ScrollContainer minWidth={420} type="native">
          <Table striped verticalSpacing={4}>
            <VisuallyHidden component="caption">{title}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Skill</Table.Th>
                <Table.Th scope="col">Current level</Table.Th>
                <Table.Th scope="col">Required level</Table.Th>
                <Table.Th scope="col">Gap</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Th scope="row" fw={400}>
                    {row.name}
                    {row.critical ? ' (critical)' : ''}
                  </Table.Th>
                  <Table.Td>{levelText(row.current, levelLabel)}</Table.Td>
                  <Table.Td>{levelText(row.required, levelLabel)}</Table.Td>
                  <Table.Td>{Math.max(0, row.required - row.current)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export default LevelBarChart;
