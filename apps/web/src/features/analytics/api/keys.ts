import type { GapSort, HeatmapGroupBy, IsoDate, SkillKind } from '@skillgrid/shared';

export interface OverviewParams {
  teamId?: number;
  asOf?: IsoDate;
}

export interface HeatmapParams {
  groupBy: HeatmapGroupBy;
  /** groupBy=team: the team whose child teams are the groups; otherwise the sub-tree filtered to. */
  teamId?: number;
  includeSubteams: boolean;
  asOf?: IsoDate;
  /** A skill category id. */
  category?: number;
  kind?: SkillKind;
}

export interface MatrixParams {
  teamId: number;
  includeSubteams?: boolean;
  asOf?: IsoDate;
  category?: number;
  kind?: SkillKind;
  page: number;
  pageSize: number;
}

export type { GapSort };
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface GapReportParams {
  teamId?: number;
  roleId?: number;
  employeeId?: number;
  asOf?: IsoDate;
  page: number;
  pageSize: number;
  sort: GapSort;
  order: SortOrder;
}

export interface TeamScopeParams {
  teamId?: number;
}

export interface ExpiringParams {
  withinDays: number;
  teamId?: number;
  page: number;
  pageSize: number;
}

export interface TrendParams {
  teamId?: number;
  skillId?: number;
  months: number;
}

export interface ExpertParams {
  skillId?: number;
  minLevel: number;
  teamId?: number;
  roleId?: number;
  locationId?: number;
  page: number;
  pageSize: number;
}

/** Query keys of every analytics view; a write that changes skills invalidates `all`. */
export const analyticsKeys = {
  all: ['analytics'] as const,
  overview: (params: OverviewParams) => [...analyticsKeys.all, 'overview', params] as const,
  heatmap: (params: HeatmapParams) => [...analyticsKeys.all, 'heatmap', params] as const,
  matrix: (params: MatrixParams) => [...analyticsKeys.all, 'matrix', params] as const,
  gaps: (params: GapReportParams) => [...analyticsKeys.all, 'gaps', params] as const,
  singlePointsOfFailure: (params: TeamScopeParams) => [...analyticsKeys.all, 'single-points-of-failure', params] as const,
  capabilityTargets: (params: TeamScopeParams) => [...analyticsKeys.all, 'capability-targets', params] as const,
  expiring: (params: ExpiringParams) => [...analyticsKeys.all, 'expiring', params] as const,
  trend: (params: TrendParams) => [...analyticsKeys.all, 'trend', params] as const,
  experts: (params: ExpertParams) => [...analyticsKeys.all, 'experts', params] as const,
};
