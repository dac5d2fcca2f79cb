import { Box, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat } from '../ui/format-context';
import { scrollRegionProps, useScrollOverflow } from '../ui/use-scroll-overflow';
import { ChartFigure } from './chart-figure';
import { VIRIDIS } from './color-scale';

export interface ForecastDatum {
  /** Last day of the month. */
  month: string;
  demand: number;
  supply: number;
  shortfall: number;
  hours: number;
  cost: number;
  expiryCliff: number;
  /** The scenario's figures, when one is compared with the baseline. */
  scenarioDemand?: number;
  scenarioSupply?: number;
  scenarioShortfall?: number;
  scenarioCost?: number;
}

interface ForecastLineChartProps {
  title: string;
  description?: ReactNode;
  data: ForecastDatum[];
  /** Label of the scenario's lines ("Scenario", or its saved name); absent: baseline only. */
  scenarioLabel?: string;
  actions?: ReactNode;
}

// Okabe–Ito and viridis hues, each line also told apart by its dash pattern (never colour alone).
export const FORECAST_COLOURS = {
  demand: 'var(--mantine-color-text)',
  supply: VIRIDIS[4],
  scenario: '#CC79A7',
  cliff: '#D55E00',
  band: '#D55E00',
} as const;

/**
 * Demand against supply of qualified people month by month, the shortfall as a shaded band
 * between them, the expiry cliff (holders still valid if nobody renews or leaves) and, when
 * given, a scenario's supply and demand; with the same numbers as a table.
 */
export function ForecastLineChart({ title, description, data, scenarioLabel, actions }: ForecastLineChartProps) {
  const format = useFormat();
  const [scrollContainerRef, overflowing] = useScrollOverflow();
  const withScenario = scenarioLabel !== undefined;
  const last = data.at(-1);
  const peak = data.reduce<ForecastDatum | undefined>(
    (best, point) => (!best || point.shortfall > best.shortfall ? point : best),
    undefined,
  );
  const summary = last
    ? `${title}: in ${format.month(last.month)} demand ${format.number(last.demand, 1)}, supply ${format.number(last.supply, 1)}` +
      (peak && peak.shortfall > 0
        ? `; the largest shortfall is ${format.number(peak.shortfall, 1)} in ${format.month(peak.month)}.`
        : '; no shortfall in this period.') +
      (withScenario && last.scenarioSupply !== undefined
        ? ` ${scenarioLabel}: supply ${format.number(last.scenarioSupply, 1)}.`
        : '')
    : `${title}: no months to show.`;
  const chartData = data.map((point) => ({
    ...point,
    band: [Math.min(point.supply, point.demand), point.demand] as [number, number],
  }));
  const axisTick = { fontSize: 12, fill: 'var(--mantine-color-dimmed)' };
  const names: Record<string, string> = {
    demand: 'Demand',
    supply: 'Supply',
    expiryCliff: 'Expiry cliff',
    scenarioSupply: `${scenarioLabel ?? 'Scenario'} supply`,
    scenarioDemand: `${scenarioLabel ?? 'Scenario'} demand`,
  };

  const chart = (
    <div role="img" aria-label={summary} style={{ width: '100%', height: 300 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={chartData} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="month" tickFormatter={format.month} tick={axisTick} minTickGap={24} />
          <YAxis width={48} tick={axisTick} allowDecimals={false} />
          <Tooltip
            labelFormatter={(month) => format.month(String(month))}
            formatter={(value, name) =>
              name === 'Shortfall'
                ? [format.number(Array.isArray(value) ? Number(value[1]) - Number(value[0]) : Number(value), 1), 'Shortfall']
                : [format.number(Number(value), 1), String(name)]
            }
            contentStyle={{ background: 'var(--mantine-color-body)', borderColor: 'var(--mantine-color-default-border)' }}
          />
          <Area
            dataKey="band"
            name="Shortfall"
            stroke="none"
            fill={FORECAST_COLOURS.band}
            fillOpacity={0.18}
            isAnimationActive={false}
            activeDot={false}
          />
          <Line
            dataKey="demand"
            name={names.demand}
            stroke={FORECAST_COLOURS.demand}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="supply"
            name={names.supply}
            stroke={FORECAST_COLOURS.supply}
            strokeWidth={3}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="expiryCliff"
            name={names.expiryCliff}
            stroke={FORECAST_COLOURS.cliff}
            strokeWidth={2}
            strokeDasharray="2 3"
            dot={false}
            isAnimationActive={false}
          />
          {withScenario ? (
            <Line
              dataKey="scenarioSupply"
              name={names.scenarioSupply}
              stroke={FORECAST_COLOURS.scenario}
              strokeWidth={2}
              strokeDasharray="6 3"
              dot={false}
              isAnimationActive={false}
            />
          ) : null}
          {withScenario ? (
            <Line
              dataKey="scenarioDemand"
              name={names.scenarioDemand}
              stroke={FORECAST_COLOURS.demand}
              strokeWidth={1}
              strokeDasharray="6 3"
              dot={false}
              isAnimationActive={false}
            />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );

  const table = (
    <Table.ScrollContainer
      ref={scrollContainerRef}
      minWidth={withScenario ? 900 : 640}
      maxHeight={420}
      type="native"
      style={{ position: 'relative' }}
      {...scrollRegionProps(overflowing, title)}
    >
      <Table striped verticalSpacing={4} stickyHeader>
        <VisuallyHidden component="caption">{title}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Month</Table.Th>
            <Table.Th scope="col">Demand</Table.Th>
            <Table.Th scope="col">Supply</Table.Th>
            <Table.Th scope="col">Shortfall</Table.Th>
            <Table.Th scope="col">Hours to close</Table.Th>
            <Table.Th scope="col">Cost to close</Table.Th>
            <Table.Th scope="col">Expiry cliff</Table.Th>
            {withScenario ? (
              <>
                <Table.Th scope="col">{scenarioLabel}: demand</Table.Th>
                <Table.Th scope="col">{scenarioLabel}: supply</Table.Th>
                <Table.Th scope="col">{scenarioLabel}: shortfall</Table.Th>
                <Table.Th scope="col">{scenarioLabel}: cost</Table.Th>
              </>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((point) => (
            <Table.Tr key={point.month}>
              <Table.Th scope="row" fw={400}>
                {format.month(point.month)}
              </Table.Th>
              <Table.Td>{format.number(point.demand, 1)}</Table.Td>
              <Table.Td>{format.number(point.supply, 1)}</Table.Td>
              <Table.Td>{format.number(point.shortfall, 1)}</Table.Td>
              <Table.Td>{format.number(point.hours, 1)}</Table.Td>
              <Table.Td>{format.money(point.cost)}</Table.Td>
              <Table.Td>{format.number(point.expiryCliff)}</Table.Td>
              {withScenario ? (
                <>
                  <Table.Td>{format.number(point.scenarioDemand, 1)}</Table.Td>
                  <Table.Td>{format.number(point.scenarioSupply, 1)}</Table.Td>
                  <Table.Td>{format.number(point.scenarioShortfall, 1)}</Table.Td>
                  <Table.Td>{format.money(point.scenarioCost)}</Table.Td>
                </>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  const swatch = (colour: string, dash: string | null, width = 2) => (
    <Box
      component="span"
      aria-hidden="true"
      style={{ display: 'inline-block', width: 22, borderTop: `${width}px ${dash ?? 'solid'} ${colour}` }}
    />
  );
  const footer = (
    <Group gap="md" wrap="wrap">
      <Group gap={6} wrap="nowrap">
        {swatch(FORECAST_COLOURS.demand, null)}
        <Text size="xs">Demand (solid)</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        {swatch(FORECAST_COLOURS.supply, null, 3)}
        <Text size="xs">Supply (thick)</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Box
          component="span"
          aria-hidden="true"
          style={{ display: 'inline-block', width: 22, height: 10, background: FORECAST_COLOURS.band, opacity: 0.3 }}
        />
        <Text size="xs">Shortfall (shaded)</Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        {swatch(FORECAST_COLOURS.cliff, 'dotted')}
        <Text size="xs">Expiry cliff: still valid if nobody renews (dotted)</Text>
      </Group>
      {withScenario ? (
        <Group gap={6} wrap="nowrap">
          {swatch(FORECAST_COLOURS.scenario, 'dashed')}
          <Text size="xs">{scenarioLabel} supply (dashed)</Text>
        </Group>
      ) : null}
    </Group>
  );

  return <ChartFigure title={title} description={description} actions={actions} chart={chart} table={table} footer={footer} />;
}
