import { createContext, useContext } from 'react';
import type { Host } from '../host/host';
import type { CoreClient } from '../worker/core-client';

/**
 * What every screen reaches for: the core (worker client) and the host (files, dialogs). The
 * app shell provides both; screens never create their own.
 */
export const CoreContext = createContext<CoreClient | null>(null);
export const HostContext = createContext<Host | null>(null);

export function useCore(): CoreClient {
  const core = useContext(CoreContext);
  if (!core) throw new Error('useCore() outside <CoreContext.Provider>');
  return core;
}

export function useHost(): Host {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost() outside <HostContext.Provider>');
  return host;
}
