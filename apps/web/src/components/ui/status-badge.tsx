import { Badge, type MantineColor } from '@mantine/core';

export interface StatusStyle {
  label: string;
  color: MantineColor;
  variant?: 'light' | 'filled' | 'outline' | 'dot';
}

/**
 * A status shown as text in a coloured badge: the word carries the meaning, the colour only
 * helps scanning (UI.md: never colour alone).
 */
export function StatusBadge({ status, styles }: { status: string; styles: Record<string, StatusStyle> }) {
  const style = styles[status] ?? { label: status, color: 'gray' };
  return (
    <Badge color={style.color} variant={style.variant ?? 'light'} radius="sm" tt="none">
      {style.label}
    </Badge>
  );
}
