import type { ImportEntity } from '@skillgrid/shared';
import { env } from '../../../lib/env';

/** GET /imports/templates/:entity.csv is a download: a plain link, not a query. */
export function importTemplateUrl(entity: ImportEntity): string {
  return `${env.apiBaseUrl}/imports/templates/${entity}.csv`;
}
