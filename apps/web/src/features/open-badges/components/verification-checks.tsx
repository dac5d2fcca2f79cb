import { Badge, List, Text } from '@mantine/core';
import type { OpenBadgeCheckDto } from '@skillgrid/shared';
import { CHECK_LABELS, UNCHECKED_WHEN_FAILED } from './labels';

function verdict(check: OpenBadgeCheckDto): { label: string; color: string } {
  if (check.passed) return { label: 'Passed', color: 'teal' };
  if (UNCHECKED_WHEN_FAILED.includes(check.name)) return { label: 'Not checked', color: 'yellow' };
  return { label: 'Failed', color: 'red' };
}

/** Every check of a verification, each with its verdict in words (colour only helps). */
export function VerificationChecks({ checks }: { checks: OpenBadgeCheckDto[] }) {
  return (
    <List spacing="xs" listStyleType="none" aria-label="Verification checks" p={0}>
      {checks.map((check) => {
        const { label, color } = verdict(check);
        return (
          <List.Item key={check.name}>
            <Text size="sm" component="span" fw={600}>
              {CHECK_LABELS[check.name] ?? check.name}:{' '}
            </Text>
            <Badge color={color} variant="light" radius="sm" tt="none" mr="xs">
              {label}
            </Badge>
            <Text size="sm" component="span">
              {check.message}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}
