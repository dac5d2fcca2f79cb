import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import { useMemo } from 'react';
import { useSkillCategories } from '../features/catalogue/api/get-skill-categories';
import { useAllSkills } from '../features/catalogue/api/get-skills';
import { useAllLocations } from '../features/locations/api/get-locations';
import { useAllRoles } from '../features/roles/api/get-roles';
import { useAllTeams } from '../features/teams/api/get-teams';
import { flattenTeamTree } from '../features/teams/utils/team-tree';

/** The options of a filter select, and whether they are still loading. */
export interface FilterOptions<T = ComboboxItem> {
  options: T[];
  loading: boolean;
}

const byLabel = (a: ComboboxItem, b: ComboboxItem) => a.label.localeCompare(b.label);

/** The teams the user may see, in tree order. */
export function useTeamOptions(): FilterOptions {
  const teams = useAllTeams();
  const options = useMemo(
    () =>
      flattenTeamTree(teams.data ?? []).map(({ team, parentName }) => ({
        value: String(team.id),
        // The parent tells apart teams with the same name in different departments.
        label: parentName ? `${team.name} (${parentName})` : team.name,
      })),
    [teams.data],
  );
  return { options, loading: teams.isPending };
}

export function useRoleOptions(): FilterOptions {
  const roles = useAllRoles();
  const options = useMemo(
    () => (roles.data ?? []).map((role) => ({ value: String(role.id), label: role.name })).sort(byLabel),
    [roles.data],
  );
  return { options, loading: roles.isPending };
}

export function useLocationOptions(): FilterOptions {
  const locations = useAllLocations();
  const options = useMemo(
    () => (locations.data ?? []).map((location) => ({ value: String(location.id), label: location.name })).sort(byLabel),
    [locations.data],
  );
  return { options, loading: locations.isPending };
}

export function useCategoryOptions(): FilterOptions {
  const categories = useSkillCategories();
  const options = useMemo(
    () => (categories.data?.items ?? []).map((category) => ({ value: String(category.id), label: category.name })).sort(byLabel),
    [categories.data],
  );
  return { options, loading: categories.isPending };
}

/** Skills grouped by category, for a searchable select. */
export function useSkillOptions(): FilterOptions<ComboboxItemGroup<ComboboxItem>> {
  const skills = useAllSkills();
  const options = useMemo(() => {
    const groups = new Map<string, ComboboxItem[]>();
    for (const skill of skills.data ?? []) {
      const items = groups.get(skill.categoryName) ?? [];
      items.push({ value: String(skill.id), label: skill.name });
      groups.set(skill.categoryName, items);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, items]) => ({ group, items: items.sort(byLabel) }));
  }, [skills.data]);
  return { options, loading: skills.isPending };
}
