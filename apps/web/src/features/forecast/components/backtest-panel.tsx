import { Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { BacktestDto } from '@skillgrid/shared';
import { StatCard } from '../../../components/ui/stat-card';
import { useFormat } from '../../../components/ui/format-context';
import { scrollRegionProps, useScrollOverflow } from '../../../components/ui/use-scroll-overflow';

interface BacktestPanelProps {
  backtest: BacktestDto | undefined;
  loading: boolean;
  error?: boolean;
}

const mapeText = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);

/**
 * How far to trust the forecast: the same method run as of 12 months ago on what was known then,
 * its mean absolute percentage error against the qualified holders since, beside "no change".
 */
export function BacktestPanel({ backtest, loading, error }: BacktestPanelProps) {
  const format = useFormat();
  const [scrollRef, overflowing] = useScrollOverflow();
  if (loading) {
    return (
      <Stack gap="xs" role="status" aria-live="polite">
        <VisuallyHidden>Loading the backtest</VisuallyHidden>
        <Skeleton height={120} radius="sm" />
      </Stack>
    );
  }
  if (error || !backtest) return <Text size="sm">The backtest could not be computed.</Text>;
  if (backtest.suppressed) {
    return (
      <Text size="sm" c="dimmed">
        Withheld for privacy: fewer than {format.settings.privacyMinGroup} positions.
      </Text>
    );
  }
  const skill = backtest.skills[0];
  const better =
    backtest.mape !== null && backtest.naiveMape !== null
      ? backtest.mape < backtest.naiveMape
        ? 'The forecast beat the naive “no change” forecast.'
        : backtest.mape > backtest.naiveMape
          ? 'The naive “no change” forecast did better: read the forecast with care.'
          : 'The forecast and “no change” did equally well.'
      : 'Not enough history to measure the error.';
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Forecast as of {format.date(backtest.asOf)} with what was known then, against the qualified people actually in post until{' '}
        {format.date(backtest.comparedTo)}.
      </Text>
      <Group gap="sm" wrap="wrap">
        <StatCard label="Forecast error (MAPE)" value={mapeText(backtest.mape)} />
        <StatCard label="“No change” error" value={mapeText(backtest.naiveMape)} />
      </Group>
      <Text size="sm">{better}</Text>
      {skill && skill.months.length ? (
        <Table.ScrollContainer
          ref={scrollRef}
          minWidth={420}
          maxHeight={300}
          type="native"
          {...scrollRegionProps(overflowing, 'Backtest by month')}
        >
          <Table striped verticalSpacing={4} stickyHeader>
            <VisuallyHidden component="caption">Backtest by month</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Month</Table.Th>
                <Table.Th scope="col">Forecast supply</Table.Th>
                <Table.Th scope="col">No change</Table.Th>
                <Table.Th scope="col">Actual</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {skill.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row" fw={400}>
                    {format.month(m.month)}
                  </Table.Th>
                  <Table.Td>{format.number(m.forecast, 1)}</Table.Td>
                  <Table.Td>{format.number(m.naive, 1)}</Table.Td>
                  <Table.Td>{format.number(m.actual)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
