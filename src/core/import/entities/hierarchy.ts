import type { EntityRow, PrepareContext } from './types';

/**
 * Resolves parent references of a tree (units, reporting lines) over the file's rows and the
 * workspace's, and refuses what would not make a tree: a parent that exists nowhere, a row that
 * is its own parent, and cycles — each named with the rows involved, in Dutch.
 */
export function checkHierarchy(options: {
  rows: EntityRow[];
  context: PrepareContext;
  keyField: string;
  parentField: string;
  /** Finds a parent by code or name among the file's rows and the workspace; returns its code. */
  findParent: (text: string) => string | undefined;
  /** Parent code of each workspace row (for rows the file does not mention). */
  existingParents: ReadonlyMap<string, string | null>;
  labels: { missing: (text: string) => string; self: string; cycle: (path: string) => string };
}): void {
  const { rows, context, keyField, parentField, findParent, existingParents, labels } = options;
  if (!context.mapped.has(parentField)) return;
  const parentOf = new Map<string, string | null>(existingParents);
  const rowOf = new Map<string, EntityRow>();
  for (const row of rows) {
    const key = String(row.values[keyField] ?? '');
    rowOf.set(key, row);
    const text = row.values[parentField];
    if (text === null || text === undefined || String(text).trim() === '') {
      row.values[parentField] = null;
      parentOf.set(key, null);
      continue;
    }
    const parent = findParent(String(text));
    if (parent === undefined) {
      context.issue(row, parentField, labels.missing(String(text)));
      parentOf.set(key, null);
      continue;
    }
    if (parent === key) {
      context.issue(row, parentField, labels.self);
      parentOf.set(key, null);
      continue;
    }
    row.values[parentField] = parent;
    parentOf.set(key, parent);
  }
  // Walk up from every file row; a walk that comes back to a code on its own path is a cycle.
  const reported = new Set<string>();
  for (const start of rowOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null | undefined = start;
    while (current !== null && current !== undefined && !onPath.has(current)) {
      onPath.add(current);
      path.push(current);
      current = parentOf.get(current);
    }
    if (current === null || current === undefined) continue;
    const cycle = path.slice(path.indexOf(current));
    const id = [...cycle].sort().join('|');
    if (reported.has(id)) continue;
    reported.add(id);
    const rowsInCycle = cycle.map((code) => rowOf.get(code)).filter((r) => r !== undefined);
    const description = [...cycle, current]
      .map((code) => {
        const r = rowOf.get(code);
        return r ? `${code} (rij ${r.row})` : code;
      })
      .join(' → ');
    for (const row of rowsInCycle) context.issue(row, parentField, labels.cycle(description));
  }
}

/** Orders keys so children come before their parents (for deleting a subtree). */
export function childrenFirst(keys: string[], parentOf: (key: string) => string | null): string[] {
  const depth = (key: string): number => {
    let d = 0;
    const seen = new Set<string>();
    for (let p = parentOf(key); p !== null && !seen.has(p); p = parentOf(p)) {
      seen.add(p);
      d++;
    }
    return d;
  };
  return [...keys].sort((a, b) => depth(b) - depth(a));
}
