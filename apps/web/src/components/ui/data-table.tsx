import { Table, Text, VisuallyHidden } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Row, type RowData } from '@tanstack/react-table';
import type { MouseEvent, ReactNode } from 'react';
import { scrollRegionProps, useHorizontalOverflow } from './use-horizontal-overflow';

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
}: DataTableProps<T>) {
  const [scrollContainerRef, overflowing] = useHorizontalOverflow();
  const table = useReactTable({
    data,
    columns,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualFiltering: true,
    manualSorting: true,
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
              {group.headers.map((header) => (
                <Table.Th key={header.id} scope="col" style={{ whiteSpace: 'nowrap' }}>
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </Table.Th>
              ))}
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
