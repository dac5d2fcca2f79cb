import { Badge, Group, Text } from '@mantine/core';
import type { CatalogueStatus } from '@skillgrid/shared';

/** A catalogue entry's name, with "Retired" in words when it no longer counts for new work. */
export function CatalogueName({ name, status }: { name: string; status: CatalogueStatus }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={500}>
        {name}
      </Text>
      {status === 'retired' ? (
        <Badge size="xs" color="gray" variant="outline" tt="none" style={{ flexShrink: 0 }}>
          Retired
        </Badge>
      ) : null}
    </Group>
  );
}
