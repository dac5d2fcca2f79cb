import { env } from '../../../lib/env';

/** GET /completions/:id/open-badge is a download (a signed JSON file): a plain link, not a query. */
export function openBadgeDownloadUrl(completionId: number): string {
  return `${env.apiBaseUrl}/completions/${completionId}/open-badge`;
}
