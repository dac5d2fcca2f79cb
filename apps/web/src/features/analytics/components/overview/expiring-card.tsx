import { Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { EmptyState } from '../../../../components/ui/empty-state';
import { ErrorState } from '../../../../components/ui/error-state';
import { useFormat } from '../../../../components/ui/format-context';
import { useExpiring } from '../../api/get-expiring';
import { ExpiryMonthsChart } from '../expiry-months-chart';
import { OverviewCard } from './overview-card';

const WINDOW_DAYS = 90;

/** How many credentials lapse in the next 90 days, month by month. */
export function ExpiringCard({ teamId, href }: { teamId?: number; href: string }) {
  const format = useFormat();
  // One row is enough: the card shows the total and the monthly counts, not the list.
  const expiring = useExpiring({ withinDays: WINDOW_DAYS, teamId, page: 1, pageSize: 1 });
  // Executives get no items (and so no total): the monthly counts add up to it.
  const total = expiring.data
    ? Math.max(
        expiring.data.total,
        expiring.data.byMonth.reduce((sum, month) => sum + (month.count ?? 0), 0),
      )
    : 0;

  return (
    <OverviewCard title="Expiring soon" href={href} linkLabel="All expiries">
      {expiring.isPending ? (
        <Stack gap="xs" role="status">
          <VisuallyHidden>Loading expiring credentials</VisuallyHidden>
          <Skeleton height={28} width="30%" />
          <Skeleton height={200} radius="sm" />
        </Stack>
      ) : expiring.isError && !expiring.data ? (
        <ErrorState
          error={expiring.error}
          title="Could not load expiring credentials"
          onRetry={() => void expiring.refetch()}
          retrying={expiring.isFetching}
        />
      ) : expiring.data.suppressed ? (
        <EmptyState
          title="Withheld for privacy"
          description={`This group has fewer than ${format.settings.privacyMinGroup} people.`}
        />
      ) : total === 0 ? (
        <EmptyState title={`Nothing expires in the next ${WINDOW_DAYS} days`} description="No renewals are due soon." />
      ) : (
        <Stack gap="sm">
          <Text>
            <Text component="span" fz={28} fw={700}>
              {format.number(total)}
            </Text>{' '}
            credentials expire in the next {WINDOW_DAYS} days
          </Text>
          <ExpiryMonthsChart byMonth={expiring.data.byMonth} />
        </Stack>
      )}
    </OverviewCard>
  );
}
