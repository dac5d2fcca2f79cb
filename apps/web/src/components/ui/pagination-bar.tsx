import { Group, NativeSelect, Pagination, Text } from '@mantine/core';
import { useFormat } from './format-context';

interface PaginationBarProps {
  page: number;
  pageSize: number;
  total: number;
  /** What is being counted, plural ("employees"). */
  noun: string;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  pageSizes?: number[];
}

export function PaginationBar({
  page,
  pageSize,
  total,
  noun,
  onPageChange,
  onPageSizeChange,
  pageSizes = [25, 50, 100],
}: PaginationBarProps) {
  const format = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 ? `No ${noun}` : `Showing ${format.number(first)}–${format.number(last)} of ${format.number(total)} ${noun}`}
      </Text>
      <Group gap="sm" wrap="wrap">
        {onPageSizeChange ? (
          <NativeSelect
            aria-label="Rows per page"
            size="xs"
            value={String(pageSize)}
            data={pageSizes.map((size) => ({ value: String(size), label: `${size} per page` }))}
            onChange={(event) => onPageSizeChange(Number(event.currentTarget.value))}
          />
        ) : null}
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPageChange}
          size="sm"
          siblings={1}
          boundaries={1}
          aria-label={`${noun} pages`}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(item) => ({ 'aria-label': `Page ${item}`, 'aria-current': item === page ? 'page' : undefined })}
        />
      </Group>
    </Group>
  );
}
