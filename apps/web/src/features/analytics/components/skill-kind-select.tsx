import { Select } from '@mantine/core';
import type { SkillKind } from '@skillgrid/shared';

const KIND_OPTIONS = [
  { value: 'hard', label: 'Hard' },
  { value: 'soft', label: 'Soft' },
];

/** Hard, soft, or both (cleared): the skill-kind filter of the analytics pages. */
export function SkillKindSelect({
  value,
  onChange,
}: {
  value: SkillKind | undefined;
  onChange: (kind: SkillKind | undefined) => void;
}) {
  return (
    <Select
      label="Kind"
      placeholder="Hard and soft"
      data={KIND_OPTIONS}
      value={value ?? null}
      onChange={(selected) => onChange((selected as SkillKind | null) ?? undefined)}
      clearable
      w={{ base: '100%', sm: 150 }}
    />
  );
}
