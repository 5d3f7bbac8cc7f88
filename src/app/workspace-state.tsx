import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { HandlerValue } from '../core/handlers';
import type { HostFile } from '../host/host';
import { useCore } from './core-context';

export type WorkspaceInfo = HandlerValue<'workspace.info'>;

/**
 * What the shell knows about the open workspace. The core owns the truth (name, dirty flag,
 * undo labels — from 'workspace.info'); the renderer adds where the file lives on this host
 * (`path`), which the core has no business knowing, and a `revision` that bumps whenever the
 * data may have changed, so every open table re-queries.
 */
export type WorkspaceState = {
  info: WorkspaceInfo | null;
  path: string | null;
  revision: number;
  /** Re-reads the workspace info; `dataChanged` also bumps the revision. */
  refresh(options?: { dataChanged?: boolean }): Promise<WorkspaceInfo>;
  setPath(path: string | null): void;
  /** Who else has the open file (it is read-only here), from the host's lock; null if no one. */
  lock: HostFile['lock'] | null;
  setLock(lock: HostFile['lock'] | null): void;
};

const WorkspaceContext = createContext<WorkspaceState | null>(null);

export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const core = useCore();
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [lock, setLockState] = useState<HostFile['lock'] | null>(null);
  const setLock = useCallback((next: HostFile['lock'] | null) => setLockState(next ?? null), []);

  const refresh = useCallback(
    async (options?: { dataChanged?: boolean }) => {
      const next = await core.call('workspace.info', undefined);
      setInfo(next);
      if (options?.dataChanged) setRevision((value) => value + 1);
      return next;
    },
    [core],
  );

  const value = useMemo(
    () => ({ info, path, revision, refresh, setPath, lock, setLock }),
    [info, path, revision, refresh, lock, setLock],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceState {
  const state = useContext(WorkspaceContext);
  if (!state) throw new Error('useWorkspace() outside <WorkspaceProvider>');
  return state;
}
