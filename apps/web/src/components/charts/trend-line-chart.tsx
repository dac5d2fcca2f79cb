import { Box, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../ui/format-context';
import { scrollRegionProps, useScrollOverflow } from '../ui/use-scroll-overflow';
import { ChartFigure } from './chart-figure';
import { VIRIDIS } from './color-scale';

export interface TrendDatum {
  /** YYYY-MM */
  month: string;
  /** 0..1; null when nobody is required to hold the skill, or withheld. */
  coverage: number | null;
  avgLevel: number | null;
  headcount: number | null;
  suppressed: boolean;
}

interface TrendLineChartProps {
  title: string;
  description?: ReactNode;
  data: TrendDatum[];
  actions?: ReactNode;
}

// Viridis teal reads on light and dark backgrounds; the second line is told apart by its dashes.
const COVERAGE_COLOUR = VIRIDIS[4];
const LEVEL_COLOUR = 'var(--mantine-color-text)';

/**
 * Coverage of required skills (solid, left axis) and average level (dashed, right axis) month
 * by month; withheld months leave a gap rather than a zero.
 */
export function TrendLineChart({ title, description, data, actions }: TrendLineChartProps) {
  const format = useFormat();
  const [scrollContainerRef, overflowing] = useScrollOverflow();
  const withCoverage = data.filter((point) => point.coverage !== null);
  const first = withCoverage[0];
  const last = withCoverage.at(-1);
  const summary =
    first && last
      ? `${title}: coverage ${format.percent(first.coverage)} in ${format.month(first.month)}, ${format.percent(last.coverage)} in ${format.month(last.month)}.`
      : `${title}: no coverage figures in this period.`;
  const chartData = data.map((point) => ({
    ...point,
    coveragePercent: point.coverage === null ? null : Math.round(point.coverage * 1000) / 10,
  }));
  const axisTick = { fontSize: 12, fill: 'var(--mantine-color-dimmed)' };

  const chart = (
    <div role="img" aria-label={summary} style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={chartData} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="month" tickFormatter={format.month} tick={axisTick} minTickGap={24} />
          <YAxis yAxisId="coverage" domain={[0, 100]} tickFormatter={(value: number) => `${value}%`} width={48} tick={axisTick} />
          <YAxis yAxisId="level" orientation="right" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} width={32} tick={axisTick} />
          <Tooltip
            labelFormatter={(month) => format.month(String(month))}
            formatter={(value, name) =>
              name === 'Coverage' ? [`${format.number(Number(value))}%`, name] : [format.number(Number(value), 1), String(name)]
            }
            contentStyle={{ background: 'var(--mantine-color-body)', borderColor: 'var(--mantine-color-default-border)' }}
          />
          <Line
            yAxisId="coverage"
            dataKey="coveragePercent"
            name="Coverage"
            stroke={COVERAGE_COLOUR}
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="level"
            dataKey="avgLevel"
            name="Average level"
            stroke={LEVEL_COLOUR}
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );

  const table = (
    <Table.ScrollContainer
      ref={scrollContainerRef}
      minWidth={420}
      maxHeight={320}
      type="native"
      style={{ position: 'relative' }}
      {...scrollRegionProps(overflowing, title)}
    >
      <Table striped verticalSpacing={4} stickyHeader>
        <VisuallyHidden component="caption">{title}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Month</Table.Th>
            <Table.Th scope="col">Coverage</Table.Th>
            <Table.Th scope="col">Average level</Table.Th>
            <Table.Th scope="col">People</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((point) => (
            <Table.Tr key={point.month}>
              <Table.Th scope="row" fw={400}>
                {format.month(point.month)}
              </Table.Th>
              {point.suppressed ? (
                <Table.Td colSpan={3}>withheld</Table.Td>
              ) : (
                <>
                  <Table.Td>{format.percent(point.coverage)}</Table.Td>
                  <Table.Td>{format.number(point.avgLevel, 1)}</Table.Td>
                  <Table.Td>{format.number(point.headcount)}</Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  const line = (colour: string, dashed: boolean) => (
    <Box
      component="span"
      aria-hidden="true"
      style={{ display: 'inline-block', width: 22, borderTop: `2px ${dashed ? 'dashed' : 'solid'} ${colour}` }}
    />
  );
  const footer = (
    <Group gap="md" wrap="wrap">
      <Group gap={6} wrap="nowrap">
        {line(COVERAGE_COLOUR, false)}
        <Text size="xs">Coverage (solid, left axis)</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        {line(LEVEL_COLOUR, true)}
        <Text size="xs">Average level (dashed, right axis)</Text>
      </Group>
    </Group>
  );

  return <ChartFigure title={title} description={description} actions={actions} chart={chart} table={table} footer={footer} />;
}
