import { ASSIGNMENT_STATUSES, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@skillgrid/shared';
import { urlFields, useUrlState } from '../../../lib/url-state';
import { DUE_FILTERS } from '../api/keys';

// The assignments page's filters live in the URL (UI.md), so a reminder link can open a filtered view.
const assignmentsSchema = {
  status: urlFields.optionalOneOf(ASSIGNMENT_STATUSES),
  due: urlFields.optionalOneOf(DUE_FILTERS),
  teamId: urlFields.id(),
  employeeId: urlFields.id(),
  clusterId: urlFields.id(),
  credentialId: urlFields.id(),
  /** The team whose recommended clusters are shown. */
  recommendFor: urlFields.id(),
  page: urlFields.int(1, 1, Number.MAX_SAFE_INTEGER),
  pageSize: urlFields.int(DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
};

export const useAssignmentsUrlState = () => useUrlState(assignmentsSchema);
