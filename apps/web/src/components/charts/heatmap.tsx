import { Anchor, Box, Group, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { Link } from 'react-router';
import { ChartFigure } from './chart-figure';
import {
  EMPTY_BACKGROUND,
  scaleColor,
  scaleGradient,
  SUPPRESSED_BACKGROUND,
  textColorOn,
  type SequentialScale,
} from './color-scale';

export interface HeatmapRow {
  id: string;
  label: string;
  /** A second line under the label ("12 people"). */
  detail?: string;
  /** A visible flag on the row (partial data), with its explanation. */
  marker?: { label: string; description: string };
  /** Activating the row (its header, or Enter / a click on a cell) calls onRowActivate. */
  drillable?: boolean;
  /** What activating the row does, for its button ("Show the teams in Finance"). */
  actionLabel?: string;
  /** The row's header links here instead (a person's profile). */
  href?: string;
}

export interface HeatmapColumn {
  id: string;
  label: string;
  /** Shown in the tooltip under the name (the skill's category). */
  description?: string;
}

export interface HeatmapCell {
  /** The figure coloured on the scale; null leaves the cell uncoloured (nothing to measure). */
  value: number | null;
  /** What the cell prints ("83%"); empty for nothing. */
  text: string;
  /** The cell's figures, one per line: the tooltip and the screen reader's label. */
  details: string[];
  /** Withheld for privacy: hatched, never coloured as a value. */
  suppressed?: boolean;
  /** Marked with a corner triangle (short of the required level). */
  flagged?: boolean;
}

export interface HeatmapScale extends SequentialScale {
  /** The legend's title ("Coverage of required skills"). */
  title: string;
  format: (value: number) => string;
}

export interface HeatmapProps {
  title: string;
  description?: ReactNode;
  rows: HeatmapRow[];
  columns: HeatmapColumn[];
  /** Called for the cells on screen only, so it may compute lazily. */
  getCell: (rowIndex: number, columnIndex: number) => HeatmapCell;
  scale: HeatmapScale;
  /** The corner header: what the rows are ("Team", "Person"). */
  rowHeaderLabel: string;
  /** The legend's words for hatched cells ("Withheld: fewer than 5 people"); none when nothing is withheld. */
  suppressedLabel?: string;
  /** The legend's words for uncoloured cells. */
  emptyLabel: string;
  /** The legend's words for flagged cells; no legend entry when undefined. */
  flaggedLabel?: string;
  onRowActivate?: (row: HeatmapRow) => void;
  actions?: ReactNode;
}

const CELL_WIDTH = 48;
const CELL_HEIGHT = 38;
const HEADER_HEIGHT = 136;
const OVERSCAN = 4;
const TOOLTIP_WIDTH = 240;
// Before the first measurement (and in jsdom, which has no layout) assume a laptop screen.
const FALLBACK_VIEWPORT = { width: 1280, height: 720 };

interface Position {
  row: number;
  column: number;
}

function range(first: number, last: number, always: number): number[] {
  const indexes: number[] = [];
  for (let index = first; index <= last; index += 1) indexes.push(index);
  // The focusable cell stays rendered while scrolled away, so Tab always finds the grid.
  if (always >= 0 && (always < first || always > last)) indexes.push(always);
  return indexes;
}

function clamp(value: number, min: number, max: number) {
  return Math.min(max, Math.max(min, value));
}

function cellStyle(cell: HeatmapCell, scale: SequentialScale) {
  if (cell.suppressed) return { background: SUPPRESSED_BACKGROUND, color: 'var(--mantine-color-text)' };
  if (cell.value === null) return { background: EMPTY_BACKGROUND, color: 'var(--mantine-color-dimmed)' };
  const background = scaleColor(cell.value, scale);
  return { background, color: textColorOn(background) };
}

function cellAriaLabel(row: HeatmapRow, column: HeatmapColumn, cell: HeatmapCell) {
  return `${row.label}, ${column.label}: ${cell.details.join('; ')}`;
}

/**
 * The one purpose-built chart (UI.md): a grid of groups × skills coloured on a colour-blind-safe
 * scale, with sticky headers, only the cells on screen rendered (a 50 × 150 grid stays fast),
 * arrow-key navigation (Enter drills down), a tooltip with the cell's figures and a table view.
 */
export function Heatmap(props: HeatmapProps) {
  const { title, description, rows, columns, getCell, rowHeaderLabel, actions } = props;
  return (
    <ChartFigure
      title={title}
      description={description}
      actions={actions}
      chart={<HeatmapGrid {...props} />}
      table={<HeatmapTable rows={rows} columns={columns} getCell={getCell} title={title} rowHeaderLabel={rowHeaderLabel} />}
      footer={<HeatmapLegend {...props} />}
    />
  );
}

function HeatmapGrid({ title, rows, columns, getCell, scale, rowHeaderLabel, onRowActivate }: HeatmapProps) {
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const rowHeaderWidth = narrow ? 150 : 240;
  const scrollRef = useRef<HTMLDivElement>(null);
  const frame = useRef<number | null>(null);
  const pendingFocus = useRef(false);
  const [viewport, setViewport] = useState({ top: 0, left: 0, width: 0, height: 0 });
  const [active, setActive] = useState<Position>({ row: 0, column: 0 });
  const [hover, setHover] = useState<Position | null>(null);
  const [focusWithin, setFocusWithin] = useState(false);

  const lastRow = rows.length - 1;
  const lastColumn = columns.length - 1;
  // New data may have fewer rows or columns than the last position.
  const current = { row: clamp(active.row, 0, lastRow), column: clamp(active.column, -1, lastColumn) };

  const measure = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    setViewport({ top: element.scrollTop, left: element.scrollLeft, width: element.clientWidth, height: element.clientHeight });
  }, []);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, [measure]);

  const onScroll = () => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      measure();
    });
  };

  const width = viewport.width || FALLBACK_VIEWPORT.width;
  const height = viewport.height || FALLBACK_VIEWPORT.height;
  const firstVisibleRow = clamp(Math.floor(viewport.top / CELL_HEIGHT) - OVERSCAN, 0, Math.max(0, lastRow));
  const lastVisibleRow = clamp(Math.ceil((viewport.top + height - HEADER_HEIGHT) / CELL_HEIGHT) + OVERSCAN, 0, lastRow);
  const firstVisibleColumn = clamp(Math.floor(viewport.left / CELL_WIDTH) - OVERSCAN, 0, Math.max(0, lastColumn));
  const lastVisibleColumn = clamp(Math.ceil((viewport.left + width - rowHeaderWidth) / CELL_WIDTH) + OVERSCAN, 0, lastColumn);
  const totalWidth = rowHeaderWidth + columns.length * CELL_WIDTH;
  const totalHeight = HEADER_HEIGHT + rows.length * CELL_HEIGHT;

  useEffect(() => {
    if (!pendingFocus.current) return;
    pendingFocus.current = false;
    const target = scrollRef.current?.querySelector<HTMLElement>(`[data-row="${current.row}"][data-column="${current.column}"]`);
    target?.focus({ preventScroll: true });
  });

  /** Scrolls just enough that the position is clear of the sticky headers. */
  const reveal = (position: Position) => {
    const element = scrollRef.current;
    if (!element) return;
    const top = position.row * CELL_HEIGHT;
    const visibleHeight = element.clientHeight - HEADER_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (visibleHeight > 0 && top + CELL_HEIGHT > element.scrollTop + visibleHeight)
      element.scrollTop = top + CELL_HEIGHT - visibleHeight;
    if (position.column < 0) return;
    const left = position.column * CELL_WIDTH;
    const visibleWidth = element.clientWidth - rowHeaderWidth;
    if (left < element.scrollLeft) element.scrollLeft = left;
    else if (visibleWidth > 0 && left + CELL_WIDTH > element.scrollLeft + visibleWidth)
      element.scrollLeft = left + CELL_WIDTH - visibleWidth;
  };

  const moveTo = (position: Position) => {
    const next = { row: clamp(position.row, 0, lastRow), column: clamp(position.column, -1, lastColumn) };
    pendingFocus.current = true;
    setActive(next);
    reveal(next);
  };

  const positionOf = (target: EventTarget | null): Position | null => {
    const element = target instanceof Element ? target.closest<HTMLElement>('[data-row]') : null;
    if (!element) return null;
    return { row: Number(element.dataset['row']), column: Number(element.dataset['column']) };
  };

  const activateRow = (rowIndex: number) => {
    const row = rows[rowIndex];
    if (row?.drillable && onRowActivate) onRowActivate(row);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const position = positionOf(event.target);
    if (!position) return;
    const { row, column } = position;
    const pageRows = Math.max(1, Math.floor((height - HEADER_HEIGHT) / CELL_HEIGHT) - 1);
    const ctrl = event.ctrlKey || event.metaKey;
    let next: Position | null = null;
    switch (event.key) {
      case 'ArrowRight':
        next = { row, column: column + 1 };
        break;
      case 'ArrowLeft':
        next = { row, column: column - 1 };
        break;
      case 'ArrowDown':
        next = { row: row + 1, column };
        break;
      case 'ArrowUp':
        next = { row: row - 1, column };
        break;
      case 'PageDown':
        next = { row: row + pageRows, column };
        break;
      case 'PageUp':
        next = { row: row - pageRows, column };
        break;
      case 'Home':
        next = ctrl ? { row: 0, column: -1 } : { row, column: -1 };
        break;
      case 'End':
        next = ctrl ? { row: lastRow, column: lastColumn } : { row, column: lastColumn };
        break;
      case 'Enter':
      case ' ':
        // The row header's own button or link handles its keys.
        if (column >= 0) {
          event.preventDefault();
          activateRow(row);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    moveTo(next);
  };

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    setFocusWithin(true);
    const position = positionOf(event.target);
    if (position && (position.row !== current.row || position.column !== current.column)) setActive(position);
  };

  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusWithin(false);
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const position = positionOf(event.target);
    if (!position || position.column < 0) return;
    setActive(position);
    activateRow(position.row);
  };

  const onMouseOver = (event: MouseEvent<HTMLDivElement>) => {
    const position = positionOf(event.target);
    const next = position && position.column >= 0 ? position : null;
    setHover((previous) =>
      previous === next || (previous && next && previous.row === next.row && previous.column === next.column) ? previous : next,
    );
  };

  const visibleRows = range(firstVisibleRow, lastVisibleRow, rows.length > 0 ? current.row : -1);
  const visibleColumns = range(firstVisibleColumn, lastVisibleColumn, current.column);

  // Hovering re-renders the tooltip only, not the cells.
  const body = useMemo(
    () =>
      visibleRows.map((rowIndex) => {
        const row = rows[rowIndex];
        const headerFocus = {
          'data-row': rowIndex,
          'data-column': -1,
          tabIndex: current.row === rowIndex && current.column === -1 ? 0 : -1,
        };
        const drillable = Boolean(row.drillable && onRowActivate);
        return (
          <div
            key={row.id}
            role="row"
            aria-rowindex={rowIndex + 2}
            style={{
              position: 'absolute',
              top: HEADER_HEIGHT + rowIndex * CELL_HEIGHT,
              left: 0,
              width: totalWidth,
              height: CELL_HEIGHT,
            }}
          >
            <div
              role="rowheader"
              aria-colindex={1}
              className="heatmap-row-header"
              {...(drillable || row.href ? {} : headerFocus)}
              style={{ width: rowHeaderWidth, height: CELL_HEIGHT }}
            >
              <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                {row.href ? (
                  <Anchor component={Link} to={row.href} size="sm" truncate="end" {...headerFocus}>
                    {row.label}
                  </Anchor>
                ) : drillable ? (
                  <UnstyledButton
                    {...headerFocus}
                    onClick={() => activateRow(rowIndex)}
                    aria-label={row.actionLabel ?? row.label}
                    className="heatmap-drill"
                  >
                    <Text component="span" size="sm" truncate="end" c="var(--mantine-color-anchor)">
                      {row.label} ›
                    </Text>
                  </UnstyledButton>
                ) : (
                  <Text component="span" size="sm" truncate="end">
                    {row.label}
                  </Text>
                )}
                {row.detail || row.marker ? (
                  <Group gap={4} wrap="nowrap">
                    {row.detail ? (
                      <Text component="span" size="xs" c="dimmed" truncate="end">
                        {row.detail}
                      </Text>
                    ) : null}
                    {row.marker ? (
                      <Text
                        component="span"
                        size="xs"
                        fw={600}
                        className="heatmap-marker"
                        title={row.marker.description}
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        ◐ {row.marker.label}
                        <VisuallyHidden>: {row.marker.description}</VisuallyHidden>
                      </Text>
                    ) : null}
                  </Group>
                ) : null}
              </Stack>
            </div>
            {visibleColumns.map((columnIndex) => {
              const column = columns[columnIndex];
              const cell = getCell(rowIndex, columnIndex);
              const isActive = current.row === rowIndex && current.column === columnIndex;
              return (
                <div
                  key={column.id}
                  role="gridcell"
                  aria-colindex={columnIndex + 2}
                  aria-label={cellAriaLabel(row, column, cell)}
                  data-row={rowIndex}
                  data-column={columnIndex}
                  data-flagged={cell.flagged || undefined}
                  data-suppressed={cell.suppressed || undefined}
                  tabIndex={isActive ? 0 : -1}
                  className="heatmap-cell"
                  style={{
                    left: rowHeaderWidth + columnIndex * CELL_WIDTH,
                    width: CELL_WIDTH,
                    height: CELL_HEIGHT,
                    cursor: drillable ? 'pointer' : 'default',
                    ...cellStyle(cell, scale),
                  }}
                >
                  <span aria-hidden="true">{cell.text}</span>
                </div>
              );
            })}
          </div>
        );
      }),
    // visibleRows/visibleColumns are rebuilt each render; their bounds are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [
      firstVisibleRow,
      lastVisibleRow,
      firstVisibleColumn,
      lastVisibleColumn,
      current.row,
      current.column,
      rows,
      columns,
      getCell,
      scale,
      rowHeaderWidth,
      totalWidth,
      onRowActivate,
    ],
  );

  const shown = hover ?? (focusWithin && current.column >= 0 && rows.length > 0 ? current : null);
  let tooltip: ReactNode = null;
  if (shown && rows[shown.row] && columns[shown.column]) {
    const cell = getCell(shown.row, shown.column);
    const cellLeft = rowHeaderWidth + shown.column * CELL_WIDTH;
    const fitsRight = cellLeft + CELL_WIDTH + 8 + TOOLTIP_WIDTH <= viewport.left + width;
    const top = HEADER_HEIGHT + shown.row * CELL_HEIGHT;
    const below = top - viewport.top < height / 2;
    tooltip = (
      <Box
        aria-hidden="true"
        className="heatmap-tooltip"
        style={{
          left: fitsRight ? cellLeft + CELL_WIDTH + 8 : Math.max(viewport.left, cellLeft - TOOLTIP_WIDTH - 8),
          ...(below ? { top } : { top: top + CELL_HEIGHT, transform: 'translateY(-100%)' }),
          width: TOOLTIP_WIDTH,
        }}
      >
        <Text size="xs" fw={700}>
          {rows[shown.row].label}
        </Text>
        <Text size="xs" fw={600}>
          {columns[shown.column].label}
          {columns[shown.column].description ? (
            <Text component="span" size="xs" c="dimmed">
              {' '}
              · {columns[shown.column].description}
            </Text>
          ) : null}
        </Text>
        {cell.details.map((line, index) => (
          <Text key={index} size="xs">
            {line}
          </Text>
        ))}
      </Box>
    );
  }

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={title}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 1}
      className="heatmap-scroll"
      style={{ height: `min(${totalHeight + 2}px, 70vh)` }}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
      onClick={onClick}
      onMouseOver={onMouseOver}
      onMouseLeave={() => setHover(null)}
    >
      <div style={{ position: 'relative', width: totalWidth, height: totalHeight }}>
        <div role="row" aria-rowindex={1} className="heatmap-column-headers" style={{ width: totalWidth, height: HEADER_HEIGHT }}>
          <div
            role="columnheader"
            aria-colindex={1}
            className="heatmap-corner"
            style={{ width: rowHeaderWidth, height: HEADER_HEIGHT }}
          >
            <Text size="xs" fw={600} c="dimmed">
              {rowHeaderLabel}
            </Text>
          </div>
          {visibleColumns.map((columnIndex) => (
            <div
              key={columns[columnIndex].id}
              role="columnheader"
              aria-colindex={columnIndex + 2}
              title={columns[columnIndex].label}
              className="heatmap-column-header"
              style={{ left: rowHeaderWidth + columnIndex * CELL_WIDTH, width: CELL_WIDTH, height: HEADER_HEIGHT }}
            >
              <span>{columns[columnIndex].label}</span>
            </div>
          ))}
        </div>
        {body}
        {tooltip}
      </div>
    </div>
  );
}

function HeatmapTable({
  rows,
  columns,
  getCell,
  title,
  rowHeaderLabel,
}: Pick<HeatmapProps, 'rows' | 'columns' | 'getCell' | 'title' | 'rowHeaderLabel'>) {
  return (
    <Table.ScrollContainer
      minWidth={Math.min(2400, 240 + columns.length * 96)}
      maxHeight="70vh"
      type="native"
      tabIndex={0}
      role="region"
      aria-label={`${title} (table)`}
    >
      <Table striped stickyHeader verticalSpacing={4} fz="xs">
        <VisuallyHidden component="caption">{title}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{rowHeaderLabel}</Table.Th>
            {columns.map((column) => (
              <Table.Th key={column.id} scope="col">
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, rowIndex) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row" fw={500}>
                {row.label}
                {row.detail ? (
                  <Text component="span" size="xs" c="dimmed">
                    {' '}
                    ({row.detail})
                  </Text>
                ) : null}
                {row.marker ? (
                  <Text component="span" size="xs">
                    {' '}
                    — {row.marker.label}
                  </Text>
                ) : null}
              </Table.Th>
              {columns.map((column, columnIndex) => {
                const cell = getCell(rowIndex, columnIndex);
                return (
                  <Table.Td key={column.id} title={cell.details.join('; ')} style={{ whiteSpace: 'nowrap' }}>
                    {cell.suppressed ? 'withheld' : cell.text || '–'}
                    {cell.flagged ? ' (short)' : ''}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Swatch({ style, className }: { style?: CSSProperties; className?: string }) {
  return (
    <Box
      component="span"
      aria-hidden="true"
      className={className}
      style={{
        display: 'inline-block',
        position: 'relative',
        width: 22,
        height: 14,
        borderRadius: 2,
        border: '1px solid var(--mantine-color-default-border)',
        ...style,
      }}
    />
  );
}

/** The scale from its low to its high value, and what hatched, empty and flagged cells mean. */
export function HeatmapLegend({
  scale,
  suppressedLabel,
  emptyLabel,
  flaggedLabel,
}: Pick<HeatmapProps, 'scale' | 'suppressedLabel' | 'emptyLabel' | 'flaggedLabel'>) {
  const [min, max] = scale.domain;
  return (
    <Group gap="lg" wrap="wrap" align="flex-end" data-testid="heatmap-legend">
      <Stack gap={2}>
        <Text size="xs" fw={600}>
          {scale.title}
        </Text>
        <Group gap={6} wrap="nowrap">
          <Text size="xs">{scale.format(min)}</Text>
          <Box aria-hidden="true" w={160} h={12} style={{ borderRadius: 2, background: scaleGradient(scale) }} />
          <Text size="xs">{scale.format(max)}</Text>
        </Group>
      </Stack>
      {suppressedLabel ? (
        <Group gap={6} wrap="nowrap">
          <Swatch style={{ background: SUPPRESSED_BACKGROUND }} />
          <Text size="xs">{suppressedLabel}</Text>
        </Group>
      ) : null}
      <Group gap={6} wrap="nowrap">
        <Swatch style={{ background: EMPTY_BACKGROUND }} />
        <Text size="xs">{emptyLabel}</Text>
      </Group>
      {flaggedLabel ? (
        <Group gap={6} wrap="nowrap">
          <Swatch className="heatmap-flag-swatch" style={{ background: EMPTY_BACKGROUND }} />
          <Text size="xs">{flaggedLabel}</Text>
        </Group>
      ) : null}
    </Group>
  );
}
