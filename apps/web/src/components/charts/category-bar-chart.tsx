import { Box, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import { scrollRegionProps, useScrollOverflow } from '../ui/use-scroll-overflow';
import { ChartFigure } from './chart-figure';
import { VIRIDIS } from './color-scale';

export interface CategoryBarDatum {
  id: string | number;
  label: string;
  /** Null when withheld (privacy): left out of the chart, shown as "withheld" in the table. */
  value: number | null;
  /** Drawn darker and marked ▲ (a critical skill). */
  highlight?: boolean;
  /** More words for the table ("weight 3"). */
  note?: string;
}

interface CategoryBarChartProps {
  title: string;
  description?: ReactNode;
  data: CategoryBarDatum[];
  /** What the bars measure ("Gap points"). */
  valueLabel: string;
  /** What the categories are ("Skill", "Month"). */
  categoryLabel: string;
  format?: (value: number) => string;
  /** Bars along the side for long names (skills, teams); columns for short ones (months). */
  orientation?: 'bars' | 'columns';
  /** The legend's words for highlighted bars. */
  highlightLabel?: string;
  /** The header of the notes column in the table view. */
  noteLabel?: string;
  actions?: ReactNode;
}

// Viridis teal, and an end of viridis far from it in lightness (styles.css picks the end that
// reads on the colour scheme's background), so the two differ for everyone.
const BAR_COLOUR = VIRIDIS[4];
const HIGHLIGHT_COLOUR = 'var(--chart-highlight)';
const ROW_HEIGHT = 30;
const HIGHLIGHT_MARK = '▲ ';

function truncate(name: string, max: number) {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

function BarShape(props: BarShapeProps) {
  const highlight = Boolean((props.payload as CategoryBarDatum | undefined)?.highlight);
  return <Rectangle {...props} fill={BAR_COLOUR} style={highlight ? { fill: HIGHLIGHT_COLOUR } : undefined} />;
}

/** One figure per category as bars, with the numbers as a table one click away. */
export function CategoryBarChart({
  title,
  description,
  data,
  valueLabel,
  categoryLabel,
  format = (value) => String(value),
  orientation = 'bars',
  highlightLabel,
  noteLabel = 'Notes',
  actions,
}: CategoryBarChartProps) {
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const [scrollContainerRef, overflowing] = useScrollOverflow();
  const shown = data.filter((datum) => datum.value !== null);
  const withheld = data.length - shown.length;
  const hasNotes = data.some((datum) => datum.note);
  const labelChars = narrow ? 16 : 32;
  const tickLabel = (id: string | number) => {
    const datum = data.find((candidate) => candidate.id === id);
    return datum ? `${datum.highlight ? HIGHLIGHT_MARK : ''}${truncate(datum.label, labelChars)}` : '';
  };
  const summary = `${title}: ${shown
    .slice(0, 5)
    .map((datum) => `${datum.label} ${format(datum.value as number)}`)
    .join(', ')}${shown.length > 5 ? ` and ${shown.length - 5} more` : ''}.`;

  const tooltip = (
    <Tooltip
      formatter={(value) => [format(Number(value)), valueLabel]}
      labelFormatter={(id) => data.find((datum) => datum.id === id)?.label ?? String(id)}
      contentStyle={{ background: 'var(--mantine-color-body)', borderColor: 'var(--mantine-color-default-border)' }}
      cursor={{ fill: 'var(--mantine-color-default-hover)' }}
    />
  );
  const axisTick = { fontSize: 12, fill: 'var(--mantine-color-text)' };

  const chart =
    shown.length === 0 ? (
      <Text size="sm" c="dimmed">
        {withheld > 0 ? 'Every figure here is withheld for privacy.' : 'Nothing to chart.'}
      </Text>
    ) : (
      <div
        role="img"
        aria-label={summary}
        style={{ width: '100%', height: orientation === 'bars' ? 40 + shown.length * ROW_HEIGHT : 260 }}
      >
        <ResponsiveContainer width="100%" height="100%">
          {orientation === 'bars' ? (
            <BarChart data={shown} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis
                type="number"
                allowDecimals={false}
                tickFormatter={format}
                tick={{ ...axisTick, fill: 'var(--mantine-color-dimmed)' }}
              />
              <YAxis
                type="category"
                dataKey="id"
                width={narrow ? 130 : 240}
                interval={0}
                tick={axisTick}
                tickFormatter={tickLabel}
              />
              {tooltip}
              <Bar dataKey="value" name={valueLabel} barSize={14} shape={BarShape} isAnimationActive={false} />
            </BarChart>
          ) : (
            <BarChart data={shown} margin={{ top: 8, right: 8, bottom: 4, left: 0 }}>
              <CartesianGrid vertical={false} strokeDasharray="3 3" />
              <XAxis dataKey="id" tick={axisTick} tickFormatter={tickLabel} interval="preserveStartEnd" />
              <YAxis
                allowDecimals={false}
                tickFormatter={format}
                width={48}
                tick={{ ...axisTick, fill: 'var(--mantine-color-dimmed)' }}
              />
              {tooltip}
              <Bar dataKey="value" name={valueLabel} maxBarSize={40} shape={BarShape} isAnimationActive={false} />
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
    );

  const table = (
    <Table.ScrollContainer
      ref={scrollContainerRef}
      minWidth={hasNotes ? 480 : 320}
      type="native"
      style={{ position: 'relative' }}
      {...scrollRegionProps(overflowing, title)}
    >
      <Table striped verticalSpacing={4}>
        <VisuallyHidden component="caption">{title}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{categoryLabel}</Table.Th>
            <Table.Th scope="col">{valueLabel}</Table.Th>
            {hasNotes ? <Table.Th scope="col">{noteLabel}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.map((datum) => (
            <Table.Tr key={datum.id}>
              <Table.Th scope="row" fw={400}>
                {datum.label}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{datum.value === null ? 'withheld' : format(datum.value)}</Table.Td>
              {hasNotes ? <Table.Td>{datum.note ?? ''}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  const swatch = { display: 'inline-block', width: 18, height: 10, borderRadius: 2 } as const;
  const footer =
    (highlightLabel && shown.some((datum) => datum.highlight)) || withheld > 0 ? (
      <Group gap="md" justify="flex-start" wrap="wrap">
        {highlightLabel && shown.some((datum) => datum.highlight) ? (
          <Group gap={6} wrap="nowrap">
            <Box component="span" aria-hidden="true" style={{ ...swatch, background: HIGHLIGHT_COLOUR }} />
            <Text size="xs">
              {HIGHLIGHT_MARK}
              {highlightLabel}
            </Text>
          </Group>
        ) : null}
        {withheld > 0 ? (
          <Text size="xs" c="dimmed">
            {withheld === 1 ? '1 figure is' : `${withheld} figures are`} withheld for privacy and left out of the chart.
          </Text>
        ) : null}
      </Group>
    ) : undefined;

  return <ChartFigure title={title} description={description} actions={actions} chart={chart} table={table} footer={footer} />;
}
