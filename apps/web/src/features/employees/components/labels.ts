import type { CompletionSource, CompletionStatus, EmployeeStatus } from '@skillgrid/shared';
import type { StatusStyle } from '../../../components/ui/status-badge';

export const EMPLOYEE_STATUS_STYLES: Record<EmployeeStatus, StatusStyle> = {
  active: { label: 'Active', color: 'teal' },
  left: { label: 'Left', color: 'gray' },
};

export const COMPLETION_STATUS_STYLES: Record<CompletionStatus, StatusStyle> = {
  valid: { label: 'Valid', color: 'teal' },
  pending: { label: 'Pending review', color: 'yellow' },
  revoked: { label: 'Revoked', color: 'red' },
};

export const COMPLETION_SOURCE_LABELS: Record<CompletionSource, string> = {
  manual: 'Entered by hand',
  csv_import: 'CSV import',
  open_badges: 'Open Badges',
  api: 'API',
};
