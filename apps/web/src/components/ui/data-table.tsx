import { Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
  type Row,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import type { MouseEvent, ReactNode } from 'react';
import { scrollRegionProps, useScrollOverflow } from './use-scroll-overflow';

declare module '@tanstack/react-table' {
  // Declaration merging must repeat TanStack's type parameters, used or not.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Keeps the cells on one line (dates, levels, e-mail addresses): the table scrolls instead. */
    nowrap?: boolean;
  }
}

export interface DataTableProps<T> {
  data: T[];
  // The column value types differ per column; TanStack's own examples type this array the same way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<T, any>[];
  /** Read by screen readers; also says what the table is. */
  caption: string;
  getRowId: (row: T) => string;
  /** Makes rows clickable; keep a real link in the row for keyboard users. */
  onRowClick?: (row: T) => void;
  minWidth?: number;
  /** Rendered instead of the body when there is no data. */
  empty?: ReactNode;
  /** Dims the rows while a new page is on its way. */
  stale?: boolean;
  /**
   * On phones (below Mantine's `sm`), keeps every cell on one line: the table scrolls sideways
   * there anyway, and short rows are easier to scan than cells squeezed into three lines.
   * For tables of short values only (names, places, dates).
   */
  singleLineOnPhone?: boolean;
  /**
   * Server-side sorting: the column sorted by (its id) and the direction. Columns sort when they
   * have an accessor and do not set `enableSorting: false`; no sorting at all without this.
   */
  sorting?: { id: string; desc: boolean };
  onSortingChange?: (sorting: { id: string; desc: boolean }) => void;
}

const SORT_ARROWS = { asc: '▲', desc: '▼' } as const;
const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function SortableHeader<T>({ header }: { header: Header<T, unknown> }) {
  const sorted = header.column.getIsSorted();
  return (
    <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
      {flexRender(header.column.columnDef.header, header.getContext())}
      <span aria-hidden="true" style={{ marginLeft: 4, color: sorted ? undefined : 'var(--mantine-color-dimmed)' }}>
        {sorted ? SORT_ARROWS[sorted] : '↕'}
      </span>
    </UnstyledButton>
  );
}

/**
 * A presentational table: TanStack Table for the column model, Mantine for the look, scrolling
 * inside its own container on narrow screens. Paging and filtering are the caller's (server-side).
 */
export function DataTable<T>({
  data,
  columns,
  caption,
  getRowId,
  onRowClick,
  minWidth = 640,
  empty,
  stale,
  singleLineOnPhone,
  sorting,
  onSortingChange,
}: DataTableProps<T>) {
  const [scrollContainerRef, overflowing] = useScrollOverflow();
  const table = useReactTable({
    data,
    columns,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualFiltering: true,
    manualSorting: true,
    enableSorting: Boolean(onSortingChange),
    // The server always sorts by something: a third click turns the direction, not sorting off.
    enableSortingRemoval: false,
    state: { sorting: sorting ? [sorting] : [] },
    onSortingChange: (updater) => {
      const current: SortingState = sorting ? [sorting] : [];
      const next = typeof updater === 'function' ? updater(current) : updater;
      if (next[0] && onSortingChange) onSortingChange({ id: next[0].id, desc: next[0].desc });
    },
  });

  if (data.length === 0 && empty) return <>{empty}</>;

  const onClick = (event: MouseEvent<HTMLTableRowElement>, row: Row<T>) => {
    // A link or button in the row does its own thing (and is what keyboard users reach).
    if (event.target instanceof Element && event.target.closest('a, button, input, [role="button"]')) return;
    onRowClick?.(row.original);
  };

  return (
    <Table.ScrollContainer
      ref={scrollContainerRef}
      minWidth={minWidth}
      type="native"
      // Keeps visually hidden text (absolutely positioned) inside the scrolling box, so it cannot
      // widen the page on a phone.
      style={{ position: 'relative' }}
      {...scrollRegionProps(overflowing, caption)}
    >
      <Table
        striped
        highlightOnHover={Boolean(onRowClick)}
        verticalSpacing="xs"
        className={singleLineOnPhone ? 'single-line-on-phone' : undefined}
        style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 120ms' }}
        aria-busy={stale || undefined}
      >
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </Table.Caption>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <Table.Th
                    key={header.id}
                    scope="col"
                    style={{ whiteSpace: 'nowrap' }}
                    aria-sort={header.column.getCanSort() ? (sorted ? ARIA_SORT[sorted] : 'none') : undefined}
                  >
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <SortableHeader header={header} />
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text size="sm" c="dimmed">
                  Nothing to show.
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <Table.Tr
                key={row.id}
                onClick={onRowClick ? (event) => onClick(event, row) : undefined}
                style={onRowClick ? { cursor: 'pointer' } : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id} style={cell.column.columnDef.meta?.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
