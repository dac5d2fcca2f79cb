import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ForecastSummarySkillDto } from '@skillgrid/shared';
import { useFormat } from '../../../components/ui/format-context';
import { scrollRegionProps, useScrollOverflow } from '../../../components/ui/use-scroll-overflow';

interface ForecastSummaryTableProps {
  skills: ForecastSummarySkillDto[];
  horizon: number;
  selectedSkillId?: number;
  onSelect: (skillId: number) => void;
  /** At most this many rows (the largest shortfalls first); all when absent. */
  limit?: number;
}

/** Forecast shortfall by skill: demand and supply at months 3, 6 and 12, the peak and what closing it costs. */
export function ForecastSummaryTable({ skills, horizon, selectedSkillId, onSelect, limit }: ForecastSummaryTableProps) {
  const format = useFormat();
  const rows = limit ? skills.slice(0, limit) : skills;
  const pointMonths = [3, 6, 12].filter((t) => t <= horizon);
  const [scrollRef, overflowing] = useScrollOverflow();
  return (
    <Table.ScrollContainer
      ref={scrollRef}
      minWidth={760}
      maxHeight={480}
      type="native"
      {...scrollRegionProps(overflowing, `Forecast shortfall by skill over ${horizon} months`)}
    >
      <Table striped highlightOnHover verticalSpacing={4} stickyHeader>
        <VisuallyHidden component="caption">Forecast shortfall by skill over {horizon} months</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Skill</Table.Th>
            <Table.Th scope="col">Positions</Table.Th>
            {pointMonths.map((t) => (
              <Table.Th scope="col" key={t}>
                Demand / supply in {t} months
              </Table.Th>
            ))}
            <Table.Th scope="col">Peak shortfall</Table.Th>
            <Table.Th scope="col">Cost to close</Table.Th>
            <Table.Th scope="col">Still valid at {horizon} months if nobody renews</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>Action</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.skillId}>
              <Table.Th scope="row" fw={row.skillId === selectedSkillId ? 700 : 500}>
                {row.skillName}
                <Text size="xs" c="dimmed">
                  {row.category}
                </Text>
              </Table.Th>
              {row.suppressed ? (
                <Table.Td colSpan={pointMonths.length + 4}>
                  <Text size="sm" c="dimmed">
                    Withheld: fewer than {format.settings.privacyMinGroup} positions
                  </Text>
                </Table.Td>
              ) : (
                <>
                  <Table.Td>{format.number(row.positions)}</Table.Td>
                  {row.points.map((point) => (
                    <Table.Td key={point.monthIndex}>
                      {format.number(point.demand, 1)} / {format.number(point.supply, 1)}
                    </Table.Td>
                  ))}
                  <Table.Td>
                    {row.peakShortfall ? (
                      <>
                        <Text span fw={600}>
                          {format.number(row.peakShortfall, 1)}
                        </Text>{' '}
                        <Text span size="xs" c="dimmed">
                          ({format.month(row.peakMonth)})
                        </Text>
                      </>
                    ) : (
                      'None'
                    )}
                  </Table.Td>
                  <Table.Td>{row.peakShortfall ? format.money(row.costToClose) : '—'}</Table.Td>
                  <Table.Td>{format.number(row.expiryCliffAtHorizon)}</Table.Td>
                </>
              )}
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant={row.skillId === selectedSkillId ? 'filled' : 'light'}
                  disabled={row.suppressed}
                  aria-pressed={row.skillId === selectedSkillId}
                  onClick={() => onSelect(row.skillId)}
                  aria-label={`Show the forecast of ${row.skillName}`}
                >
                  Show
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
