import { SimpleGrid } from '@mantine/core';
import type { OverviewDto } from '@skillgrid/shared';
import { useFormat } from '../../../../components/ui/format-context';
import { StatCard, StatCardSkeleton } from '../../../../components/ui/stat-card';
import { Suppressed } from '../../../../components/ui/suppressed';

const GRID = { base: 1, xs: 2, md: 3, xl: 6 };

export function OverviewStatsSkeleton() {
  return (
    <SimpleGrid cols={GRID} spacing="md" role="status" aria-label="Loading the headline figures">
      {Array.from({ length: 6 }, (_, index) => (
        <StatCardSkeleton key={index} />
      ))}
    </SimpleGrid>
  );
}

/** The headline figures of a scope; withheld figures say so rather than show 0. */
export function OverviewStats({ overview, search }: { overview: OverviewDto; search: string }) {
  const format = useFormat();
  const minGroup = format.settings.privacyMinGroup;
  const figure = (value: number | null, show: (value: number) => string) =>
    value === null ? <Suppressed minGroup={minGroup} label="withheld" /> : show(value);
  const count = (value: number) => format.number(value);

  return (
    <SimpleGrid cols={GRID} spacing="md">
      <StatCard label="People" value={figure(overview.headcount, count)} hint={`Active on ${format.date(overview.asOf)}`} />
      <StatCard
        label="Data completeness"
        value={figure(overview.completeness, format.percent)}
        hint={
          overview.withCredentials === null
            ? 'People with any credential on record'
            : `${format.number(overview.withCredentials)} people with any credential on record`
        }
      />
      <StatCard
        label="Coverage of required skills"
        value={figure(overview.coverage, format.percent)}
        hint={
          overview.met === null || overview.required === null
            ? 'Requirements met'
            : `${format.number(overview.met)} of ${format.number(overview.required)} requirements met`
        }
        href={`/heatmap${search}`}
        linkLabel="Heatmap"
      />
      <StatCard
        label="Gap points"
        value={figure(overview.gapPoints, count)}
        hint="Levels short of the requirements, summed"
        href={`/gaps${search}`}
        linkLabel="Gap report"
      />
      <StatCard
        label="Single points of failure"
        value={figure(overview.singlePointsOfFailure, count)}
        hint="Required skills held by one person or nobody"
        href={`/single-points-of-failure${search}`}
        linkLabel="See them"
      />
      <StatCard
        label="Expiring in 90 days"
        value={figure(overview.expiringIn90Days, count)}
        hint="Credentials whose validity ends soon"
        href={`/expiring${search}`}
        linkLabel="See them"
      />
    </SimpleGrid>
  );
}
