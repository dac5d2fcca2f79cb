import { Group, Paper, SegmentedControl, Skeleton, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorState } from '../../components/ui/error-state';
import { useFormat } from '../../components/ui/format-context';
import { PaginationBar } from '../../components/ui/pagination-bar';
import { SearchInput } from '../../components/ui/search-input';
import { TableSkeleton } from '../../components/ui/table-skeleton';
import { useEffectiveness } from '../../features/effectiveness/api/get-effectiveness';
import type { EffectivenessListParams } from '../../features/effectiveness/api/keys';
import { EffectivenessChart } from '../../features/effectiveness/components/effectiveness-chart';
import { EffectivenessTable } from '../../features/effectiveness/components/effectiveness-table';
import { defaultPeriod, useEffectivenessUrlState } from '../../features/effectiveness/hooks/effectiveness-url-state';
import { useOrganisation } from '../../features/organisation/api/get-organisation';

function EffectivenessResults({ params }: { params: EffectivenessListParams }) {
  const { update } = useEffectivenessUrlState();
  const effectiveness = useEffectiveness(params);
  const noun = params.kind === 'cluster' ? 'clusters' : 'credentials';

  if (effectiveness.isPending)
    return (
      <>
        <Paper withBorder radius="md" p="md">
          <Stack role="status" aria-live="polite">
            <VisuallyHidden>Loading the chart</VisuallyHidden>
            <Skeleton height={300} />
          </Stack>
        </Paper>
        <TableSkeleton label={`Loading ${noun}`} />
      </>
    );
  if (effectiveness.isError && !effectiveness.data)
    return (
      <ErrorState
        error={effectiveness.error}
        title="Could not load effectiveness"
        onRetry={() => void effectiveness.refetch()}
        retrying={effectiveness.isFetching}
      />
    );

  const { items, total } = effectiveness.data;
  const empty = (
    <EmptyState
      title={params.q ? `No ${noun} match “${params.q}”` : `No ${noun} in the catalogue`}
      description={params.q ? 'Try another name.' : 'Add credentials and clusters in the catalogue.'}
    />
  );
  return (
    <>
      {items.length > 0 ? (
        <Paper withBorder radius="md" p="md">
          <EffectivenessChart items={items} kind={params.kind} />
        </Paper>
      ) : null}
      <Paper withBorder radius="md" p="md" component="section" aria-label={`Effectiveness of ${noun}`}>
        <Stack gap="sm">
          <EffectivenessTable
            items={items}
            kind={params.kind}
            sorting={{ id: params.sort, desc: params.order === 'desc' }}
            onSortingChange={({ id, desc }) => update({ sort: id, order: desc ? 'desc' : 'asc' })}
            stale={effectiveness.isPlaceholderData}
            empty={empty}
          />
          {total > 0 ? (
            <PaginationBar
              page={params.page}
              pageSize={params.pageSize}
              total={total}
              noun={noun}
              onPageChange={(page) => update({ page })}
              onPageSizeChange={(pageSize) => update({ pageSize })}
            />
          ) : null}
        </Stack>
      </Paper>
    </>
  );
}

/** HR: which credentials and clusters get completed, how fast, and what each closed gap point cost. */
export function EffectivenessPage() {
  useDocumentTitle('Effectiveness · Skillgrid');
  const format = useFormat();
  const organisation = useOrganisation();
  const { state, update } = useEffectivenessUrlState();
  const today = organisation.data?.today;
  const period = today ? defaultPeriod(today) : undefined;
  const from = state.from ?? period?.from;
  const to = state.to ?? period?.to;
  const periodError = from && to && from > to ? 'The start must be on or before the end' : undefined;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          Effectiveness
        </Title>
        <Text size="sm" c="dimmed">
          Assignment figures count assignments made in the period; completions and gap points count awards in the period. Money is
          in {format.settings.currency}.
        </Text>
      </Stack>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SegmentedControl
          aria-label="Show"
          value={state.kind}
          onChange={(value) => update({ kind: value === 'cluster' ? 'cluster' : 'credential' })}
          data={[
            { value: 'credential', label: 'Credentials' },
            { value: 'cluster', label: 'Clusters' },
          ]}
        />
        <TextInput
          type="date"
          label="From"
          value={from ?? ''}
          max={to}
          onChange={(event) => update({ from: event.currentTarget.value || undefined })}
          error={periodError}
          w={{ base: '100%', sm: 170 }}
        />
        <TextInput
          type="date"
          label="To"
          value={to ?? ''}
          min={from}
          max={today}
          onChange={(event) => update({ to: event.currentTarget.value || undefined })}
          w={{ base: '100%', sm: 170 }}
        />
        <SearchInput
          label="Search"
          placeholder={state.kind === 'cluster' ? 'Cluster name' : 'Credential name or provider'}
          value={state.q ?? ''}
          onSearch={(q) => update({ q: q || undefined }, { replace: true })}
          w={{ base: '100%', sm: 240 }}
        />
      </Group>
      {from && to && !periodError ? (
        <EffectivenessResults
          params={{
            kind: state.kind,
            from,
            to,
            q: state.q,
            sort: state.sort,
            order: state.order,
            page: state.page,
            pageSize: state.pageSize,
          }}
        />
      ) : periodError ? null : (
        <TableSkeleton label="Loading effectiveness" />
      )}
    </Stack>
  );
}

export default EffectivenessPage;
