import { Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  CartesianGrid,
  ResponsiveContainer,
  Scatter,
  ScatterChart as RechartsScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { scrollRegionProps, useScrollOverflow } from '../ui/use-scroll-overflow';
import { ChartFigure } from './chart-figure';
import { VIRIDIS } from './color-scale';

export interface ScatterDatum {
  id: string | number;
  label: string;
  /** Null figures cannot be placed: they are left out of the chart and shown in the table. */
  x: number | null;
  y: number | null;
}

interface ScatterAxis {
  label: string;
  format: (value: number) => string;
  /** Fixed ends (0..1 for a rate); otherwise from the data. */
  domain?: [number, number];
}

interface ScatterChartProps {
  title: string;
  description?: ReactNode;
  data: ScatterDatum[];
  x: ScatterAxis;
  y: ScatterAxis;
  /** What the points are ("Credential"). */
  categoryLabel: string;
  /** Why some points are missing, shown under the chart when any are. */
  missingNote?: (count: number) => string;
  actions?: ReactNode;
}

const POINT_COLOUR = VIRIDIS[3];

/** Points placed by two figures (completion rate against cost per gap point), the numbers one click away as a table. */
export function ScatterChart({ title, description, data, x, y, categoryLabel, missingNote, actions }: ScatterChartProps) {
  const [scrollContainerRef, overflowing] = useScrollOverflow();
  const placed = data.filter((datum) => datum.x !== null && datum.y !== null);
  const missing = data.length - placed.length;
  const summary = `${title}: ${placed
    .slice(0, 5)
    .map((datum) => `${datum.label} at ${x.format(datum.x as number)}, ${y.format(datum.y as number)}`)
    .join('; ')}${placed.length > 5 ? ` and ${placed.length - 5} more` : ''}.`;
  const axisTick = { fontSize: 12, fill: 'var(--mantine-color-dimmed)' };

  const chart =
    placed.length === 0 ? (
      <Text size="sm" c="dimmed">
        Nothing to place on the chart: every row lacks one of the two figures.
      </Text>
    ) : (
      <div role="img" aria-label={summary} style={{ width: '100%', height: 300 }}>
        <ResponsiveContainer width="100%" height="100%">
          <RechartsScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="x"
              name={x.label}
              domain={x.domain ?? ['auto', 'auto']}
              tickFormatter={x.format}
              tick={axisTick}
              label={{ value: x.label, position: 'insideBottom', offset: -14, fontSize: 12, fill: 'var(--mantine-color-text)' }}
            />
            <YAxis
              type="number"
              dataKey="y"
              name={y.label}
              domain={y.domain ?? ['auto', 'auto']}
              tickFormatter={y.format}
              tick={axisTick}
              width={56}
              label={{ value: y.label, angle: -90, position: 'insideLeft', fontSize: 12, fill: 'var(--mantine-color-text)' }}
            />
            <Tooltip
              cursor={{ strokeDasharray: '3 3' }}
              content={({ active, payload }) => {
                const datum = active ? (payload?.[0]?.payload as ScatterDatum | undefined) : undefined;
                if (!datum) return null;
                return (
                  <div
                    style={{
                      background: 'var(--mantine-color-body)',
                      border: '1px solid var(--mantine-color-default-border)',
                      padding: '6px 10px',
                      fontSize: 12,
                    }}
                  >
                    <strong>{datum.label}</strong>
                    <div>
                      {x.label}: {x.format(datum.x as number)}
                    </div>
                    <div>
                      {y.label}: {y.format(datum.y as number)}
                    </div>
                  </div>
                );
              }}
            />
            <Scatter data={placed} fill={POINT_COLOUR} isAnimationActive={false} />
          </RechartsScatterChart>
        </ResponsiveContainer>
      </div>
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
            <Table.Th scope="col">{categoryLabel}</Table.Th>
            <Table.Th scope="col">{x.label}</Table.Th>
            <Table.Th scope="col">{y.label}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((datum) => (
            <Table.Tr key={datum.id}>
              <Table.Th scope="row" fw={400}>
                {datum.label}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{datum.x === null ? '—' : x.format(datum.x)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{datum.y === null ? '—' : y.format(datum.y)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  const footer =
    missing > 0 && missingNote ? (
      <Text size="xs" c="dimmed">
        {missingNote(missing)}
      </Text>
    ) : undefined;

  return <ChartFigure title={title} description={description} actions={actions} chart={chart} table={table} footer={footer} />;
}

export default ScatterChart;
