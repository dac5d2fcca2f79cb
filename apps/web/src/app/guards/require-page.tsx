import type { ReactNode } from 'react';
import { canUsePage, type AppPage } from '../personas';
import { NotAvailablePage } from '../routes/not-available-page';
import { useCurrentUser } from './session';

/** A page the persona may not use answers with a friendly page, not a crash or a 403 dump. */
export function RequirePage({ page, children }: { page: AppPage; children: ReactNode }) {
  const user = useCurrentUser();
  if (!canUsePage(user, page)) return <NotAvailablePage page={page} />;
  return <>{children}</>;
}
