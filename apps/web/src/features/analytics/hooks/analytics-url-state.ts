import { DEFAULT_PAGE_SIZE, HEATMAP_GROUP_BYS, HEATMAP_METRICS, MAX_LEVEL, MAX_PAGE_SIZE, SKILL_KINDS } from '@skillgrid/shared';
import { urlFields, useUrlState } from '../../../lib/url-state';
import { GAP_SORTS } from '@skillgrid/shared';
import { SORT_ORDERS } from '../api/keys';

// Each analytics page's filters, kept in the URL (UI.md) so a view can be shared and reloaded.

const pageFields = (pageSize = DEFAULT_PAGE_SIZE) => ({
  page: urlFields.int(1, 1, Number.MAX_SAFE_INTEGER),
  pageSize: urlFields.int(pageSize, 1, MAX_PAGE_SIZE),
});

const overviewSchema = {
  teamId: urlFields.id(),
  /** The skill the coverage trend follows, when not the default. */
  skillId: urlFields.id(),
};
export const useOverviewUrlState = () => useUrlState(overviewSchema);

const heatmapSchema = {
  groupBy: urlFields.oneOf(HEATMAP_GROUP_BYS, 'team'),
  teamId: urlFields.id(),
  includeSubteams: urlFields.flag(true),
  asOf: urlFields.date(),
  category: urlFields.id(),
  kind: urlFields.optionalOneOf(SKILL_KINDS),
  metric: urlFields.oneOf(HEATMAP_METRICS, 'coverage'),
  level: urlFields.int(3, 1, MAX_LEVEL),
};
export const useHeatmapUrlState = () => useUrlState(heatmapSchema);

const matrixSchema = {
  /** false: the team's own members only (drilled into from a "P (direct)" group). */
  includeSubteams: urlFields.flag(true),
  asOf: urlFields.date(),
  category: urlFields.id(),
  kind: urlFields.optionalOneOf(SKILL_KINDS),
  ...pageFields(),
};
export const useMatrixUrlState = () => useUrlState(matrixSchema);

export const GAP_SCOPES = ['team', 'role'] as const;
const gapSchema = {
  scope: urlFields.oneOf(GAP_SCOPES, 'team'),
  teamId: urlFields.id(),
  roleId: urlFields.id(),
  asOf: urlFields.date(),
  sort: urlFields.oneOf(GAP_SORTS, 'weightedGapPoints'),
  order: urlFields.oneOf(SORT_ORDERS, 'desc'),
  ...pageFields(25),
};
export const useGapUrlState = () => useUrlState(gapSchema);

const teamFilterSchema = { teamId: urlFields.id() };
export const useTeamFilterUrlState = () => useUrlState(teamFilterSchema);

export const EXPIRY_WINDOWS = [30, 60, 90, 180] as const;
const expiringSchema = {
  withinDays: urlFields.numberChoice(EXPIRY_WINDOWS, 90),
  teamId: urlFields.id(),
  ...pageFields(),
};
export const useExpiringUrlState = () => useUrlState(expiringSchema);

const expertSchema = {
  skillId: urlFields.id(),
  minLevel: urlFields.int(3, 1, MAX_LEVEL),
  teamId: urlFields.id(),
  roleId: urlFields.id(),
  locationId: urlFields.id(),
  ...pageFields(),
};
export const useExpertUrlState = () => useUrlState(expertSchema);
