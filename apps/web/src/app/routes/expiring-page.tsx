import { Group, Paper, Select, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorState } from '../../components/ui/error-state';
import { useFormat } from '../../components/ui/format-context';
import { PaginationBar } from '../../components/ui/pagination-bar';
import { useExpiring } from '../../features/analytics/api/get-expiring';
import { ExpiringTable } from '../../features/analytics/components/expiring-table';
import { ExpiryMonthsChart } from '../../features/analytics/components/expiry-months-chart';
import { FilterSelect } from '../../features/analytics/components/filter-select';
import { EXPIRY_WINDOWS, useExpiringUrlState } from '../../features/analytics/hooks/analytics-url-state';
import { useTeamOptions } from '../filter-options';
import { useCurrentUser } from '../guards/session';

const employeeHref = (id: number) => `/employees/${id}`;

/** Credentials lapsing in the next 30 to 180 days: by month, and who holds each. */
export function ExpiringPage() {
  useDocumentTitle('Expiring credentials · Skillgrid');
  const user = useCurrentUser();
  const format = useFormat();
  const teams = useTeamOptions();
  const { state, update } = useExpiringUrlState();
  const expiring = useExpiring(state);
  const aggregateOnly = user.role === 'exec';
  // Executives get no items (and so no total): the monthly counts add up to it.
  const count = aggregateOnly
    ? (expiring.data?.byMonth.reduce((sum, month) => sum + (month.count ?? 0), 0) ?? 0)
    : (expiring.data?.total ?? 0);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Expiring credentials
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label="Expiring within"
          data={EXPIRY_WINDOWS.map((days) => ({ value: String(days), label: `${days} days` }))}
          value={String(state.withinDays)}
          onChange={(value) => update({ withinDays: Number(value ?? 90) })}
          allowDeselect={false}
          w={{ base: '100%', sm: 160 }}
        />
        <FilterSelect
          label="Team"
          allLabel={user.role === 'manager' ? 'All my teams' : 'Whole organisation'}
          value={state.teamId}
          onChange={(teamId) => update({ teamId })}
          options={teams.options}
          loading={teams.loading}
        />
      </Group>

      {expiring.isPending ? (
        <Stack gap="xs" role="status" aria-live="polite">
          <VisuallyHidden>Loading expiring credentials</VisuallyHidden>
          <Skeleton height={260} radius="sm" />
        </Stack>
      ) : expiring.isError && !expiring.data ? (
        <ErrorState
          error={expiring.error}
          title="Could not load expiring credentials"
          onRetry={() => void expiring.refetch()}
          retrying={expiring.isFetching}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {expiring.data.suppressed
              ? `Withheld for privacy: this group has fewer than ${format.settings.privacyMinGroup} people.`
              : `${count === 1 ? '1 credential expires' : `${format.number(count)} credentials expire`} in the ${expiring.data.withinDays} days from ${format.date(expiring.data.asOf)}.`}
          </Text>
          {expiring.data.suppressed ? null : (
            <Paper withBorder radius="md" p="md">
              <ExpiryMonthsChart byMonth={expiring.data.byMonth} />
            </Paper>
          )}
          {aggregateOnly ? (
            <Text size="sm" c="dimmed">
              Executives see the monthly counts only: who holds each expiring credential is not shown.
            </Text>
          ) : (
            <Paper withBorder radius="md" p="md" component="section" aria-label="Expiring credentials">
              <Stack gap="sm">
                <ExpiringTable
                  items={expiring.data.items}
                  employeeHref={employeeHref}
                  stale={expiring.isPlaceholderData}
                  empty={
                    <EmptyState
                      title={`Nothing expires in the next ${state.withinDays} days`}
                      description="Try a longer window, or another team."
                    />
                  }
                />
                {expiring.data.total > 0 ? (
                  <PaginationBar
                    page={state.page}
                    pageSize={state.pageSize}
                    total={expiring.data.total}
                    noun="credentials"
                    onPageChange={(page) => update({ page })}
                    onPageSizeChange={(pageSize) => update({ pageSize })}
                  />
                ) : null}
              </Stack>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}

export default ExpiringPage;
