import type { IsoDate } from '@skillgrid/shared';

export const EFFECTIVENESS_KINDS = ['credential', 'cluster'] as const;
export type EffectivenessKind = (typeof EFFECTIVENESS_KINDS)[number];

/** The columns the API sorts by (`sort`), with `order`. */
export const EFFECTIVENESS_SORTS = [
  'name',
  'assigned',
  'completionRate',
  'medianDaysToComplete',
  'overdueShare',
  'gapPointsClosed',
  'costPerGapPoint',
] as const;
export type EffectivenessSort = (typeof EFFECTIVENESS_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;

export interface EffectivenessListParams {
  kind: EffectivenessKind;
  from: IsoDate;
  to: IsoDate;
  q?: string;
  sort: EffectivenessSort;
  order: (typeof SORT_ORDERS)[number];
  page: number;
  pageSize: number;
}

export const effectivenessKeys = {
  all: ['effectiveness'] as const,
  list: (params: EffectivenessListParams) => [...effectivenessKeys.all, 'list', params] as const,
};
