import { addDays, addMonths, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@skillgrid/shared';
import type { IsoDate } from '@skillgrid/shared';
import { urlFields, useUrlState } from '../../../lib/url-state';
import { EFFECTIVENESS_KINDS, EFFECTIVENESS_SORTS, SORT_ORDERS } from '../api/keys';

// from/to left out mean the last 12 months up to the organisation's today.
const effectivenessSchema = {
  kind: urlFields.oneOf(EFFECTIVENESS_KINDS, 'credential'),
  from: urlFields.date(),
  to: urlFields.date(),
  q: { parse: (raw: string | null) => raw ?? undefined, serialize: (value: string | undefined) => value },
  sort: urlFields.oneOf(EFFECTIVENESS_SORTS, 'gapPointsClosed'),
  order: urlFields.oneOf(SORT_ORDERS, 'desc'),
  page: urlFields.int(1, 1, Number.MAX_SAFE_INTEGER),
  pageSize: urlFields.int(DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
};

export const useEffectivenessUrlState = () => useUrlState(effectivenessSchema);

/** The default period: the last 12 months up to today (from the day after the same date a year ago). */
export function defaultPeriod(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(addMonths(today, -12), 1), to: today };
}
