import type { ExpiringDto } from '@skillgrid/shared';
import { useMemo } from 'react';
import { CategoryBarChart } from '../../../components/charts/category-bar-chart';
import { useFormat } from '../../../components/ui/format-context';

/** How many credentials lapse in each month of the window. */
export function ExpiryMonthsChart({ byMonth, title = 'Expiring by month' }: { byMonth: ExpiringDto['byMonth']; title?: string }) {
  const format = useFormat();
  const data = useMemo(
    () => byMonth.map((month) => ({ id: month.month, label: format.month(month.month), value: month.count })),
    [byMonth, format],
  );
  return (
    <CategoryBarChart
      title={title}
      description="Completions whose validity ends in each calendar month"
      data={data}
      valueLabel="Credentials expiring"
      categoryLabel="Month"
      orientation="columns"
      format={(value) => format.number(value)}
    />
  );
}
