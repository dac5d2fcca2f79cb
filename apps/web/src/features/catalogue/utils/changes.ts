/**
 * The fields of `next` that differ from `initial`: an edit sends only those, so an unchanged list
 * of granted skills or requirements does not make the API recompute everyone's skills.
 */
export function changedFields<T extends object>(initial: T, next: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    if (JSON.stringify(initial[key]) !== JSON.stringify(next[key])) changes[key] = next[key];
  }
  return changes;
}
