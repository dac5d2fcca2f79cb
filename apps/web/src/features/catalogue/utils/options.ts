import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import {
  CLUSTER_PURPOSES,
  CREDENTIAL_TYPE_LABELS,
  CREDENTIAL_TYPES,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  MAX_LEVEL,
  MAX_WEIGHT,
  MIN_LEVEL,
  MIN_WEIGHT,
} from '@skillgrid/shared';
import type { ClusterPurpose, SkillDto } from '@skillgrid/shared';
import type { Formatters } from '../../../lib/format';

export const CLUSTER_PURPOSE_LABELS: Readonly<Record<ClusterPurpose, string>> = {
  role: 'Role',
  career_goal: 'Career goal',
  cross_skilling: 'Cross-skilling',
};

/** Weight 3 is critical (DESIGN §2). */
export const WEIGHT_LABELS: Readonly<Record<number, string>> = { 1: 'Normal', 2: 'Important', 3: 'Critical' };

export const credentialTypeOptions: ComboboxItem[] = CREDENTIAL_TYPES.map((value) => ({
  value,
  label: CREDENTIAL_TYPE_LABELS[value],
}));

export const deliveryMethodOptions: ComboboxItem[] = DELIVERY_METHODS.map((value) => ({
  value,
  label: DELIVERY_METHOD_LABELS[value],
}));

export const clusterPurposeOptions: ComboboxItem[] = CLUSTER_PURPOSES.map((value) => ({
  value,
  label: CLUSTER_PURPOSE_LABELS[value],
}));

export const statusOptions: ComboboxItem[] = [
  { value: 'active', label: 'Active' },
  { value: 'retired', label: 'Retired' },
];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** "3 · Practitioner", in the organisation's labels. */
export function levelOptions(format: Formatters): ComboboxItem[] {
  return range(MIN_LEVEL, MAX_LEVEL).map((level) => ({ value: String(level), label: format.level(level) }));
}

export const weightOptions: ComboboxItem[] = range(MIN_WEIGHT, MAX_WEIGHT).map((weight) => ({
  value: String(weight),
  label: `${weight} · ${WEIGHT_LABELS[weight]}`,
}));

/**
 * Skills by category for a row's select: retired skills and those another row already has are
 * shown but cannot be chosen (unless the row has them already).
 */
export function skillOptionGroups(
  skills: readonly SkillDto[],
  current: string | null,
  taken: ReadonlySet<string> = new Set(),
): Array<ComboboxItemGroup<ComboboxItem>> {
  const groups = new Map<string, ComboboxItem[]>();
  for (const skill of skills) {
    const value = String(skill.id);
    const retired = skill.status === 'retired';
    const items = groups.get(skill.categoryName) ?? [];
    items.push({
      value,
      label: retired ? `${skill.name} (retired)` : skill.name,
      disabled: value !== current && (retired || taken.has(value)),
    });
    groups.set(skill.categoryName, items);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, items]) => ({ group, items: items.sort((a, b) => a.label.localeCompare(b.label)) }));
}

/** The symbol of the organisation's currency ("£"), for money inputs. */
export function currencySymbol(format: Formatters): string {
  try {
    const parts = new Intl.NumberFormat(format.settings.locale, {
      style: 'currency',
      currency: format.settings.currency,
    }).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? format.settings.currency;
  } catch {
    return format.settings.currency;
  }
}

/** Text inputs send null when blank, so optional fields are cleared rather than set to "". */
export const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
