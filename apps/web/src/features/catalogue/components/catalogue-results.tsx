import { DataTable, type DataTableProps } from '../../../components/ui/data-table';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { PaginationBar } from '../../../components/ui/pagination-bar';
import { TableSkeleton } from '../../../components/ui/table-skeleton';
import type { CataloguePanelProps } from '../hooks/use-catalogue-params';

/** The parts of a list query the results need (a TanStack Query result fits). */
interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  isPlaceholderData: boolean;
  refetch: () => unknown;
}

interface CatalogueResultsProps<T> {
  query: ListQuery;
  /** This page's rows and the total over every page; undefined while loading or failed. */
  page: { rows: T[]; total: number } | undefined;
  /** "skills", "credentials": in the loading, error and paging words. */
  plural: string;
  columns: DataTableProps<T>['columns'];
  caption: string;
  getRowId: (row: T) => string;
  minWidth: number;
  /** What an empty list says: why, and the next action. */
  empty: { title: string; description: string };
  params: CataloguePanelProps['params'];
  onChange: CataloguePanelProps['onChange'];
}

/** A catalogue tab's table: a skeleton while loading, the error with Retry, or the rows with paging. */
export function CatalogueResults<T>({
  query,
  page,
  plural,
  columns,
  caption,
  getRowId,
  minWidth,
  empty,
  params,
  onChange,
}: CatalogueResultsProps<T>) {
  if (query.isPending) return <TableSkeleton label={`Loading ${plural}`} />;
  if (query.isError && !page)
    return (
      <ErrorState
        error={query.error}
        title={`Could not load ${plural}`}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  return (
    <>
      <DataTable
        data={page?.rows ?? []}
        columns={columns}
        caption={caption}
        getRowId={getRowId}
        minWidth={minWidth}
        stale={query.isPlaceholderData}
        empty={<EmptyState title={empty.title} description={empty.description} />}
      />
      <PaginationBar
        page={params.page}
        pageSize={params.pageSize}
        total={page?.total ?? 0}
        noun={plural}
        onPageChange={(next) => onChange({ page: next })}
        onPageSizeChange={(size) => onChange({ pageSize: size })}
      />
    </>
  );
}
