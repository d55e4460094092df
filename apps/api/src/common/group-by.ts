/** Rows grouped by a key, in the order each key first appears; every group has at least one row. */
export function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, [T, ...T[]]> {
  const groups = new Map<string, [T, ...T[]]>();
  for (const r of rows) {
    const k = key(r);
    const group = groups.get(k);
    if (group) group.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}
