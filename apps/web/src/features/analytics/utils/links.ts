import type { IsoDate, SkillKind } from '@skillgrid/shared';

/** The people × skills matrix of a team, with the heatmap's skill filters and as-of date. */
export function matrixHref(
  teamId: number,
  filters: { asOf?: IsoDate; category?: number; kind?: SkillKind; includeSubteams?: boolean },
): string {
  const search = new URLSearchParams();
  if (filters.includeSubteams === false) search.set('includeSubteams', 'false');
  if (filters.asOf) search.set('asOf', filters.asOf);
  if (filters.category) search.set('category', String(filters.category));
  if (filters.kind) search.set('kind', filters.kind);
  const query = search.toString();
  return `/heatmap/teams/${teamId}/matrix${query ? `?${query}` : ''}`;
}

/** The heatmap at a team's level (its child teams), or at the top level without a team. */
export function heatmapHref(search: string, teamId: number | undefined): string {
  const params = new URLSearchParams(search);
  if (teamId) params.set('teamId', String(teamId));
  else params.delete('teamId');
  const query = params.toString();
  return `/heatmap${query ? `?${query}` : ''}`;
}
