import { useSyncExternalStore } from 'react';

/**
 * Hash routing (`#/gemeenten`): deep links work from a static server, from app:// in Electron
 * and in tests, without server rewrites. Route ids are stable; the URL slugs are Dutch.
 */
export type RouteId =
  | 'answer'
  | 'data'
  | 'import'
  | 'organigram'
  | 'planning'
  | 'pilots'
  | 'municipalities'
  | 'dashboard'
  | 'sql'
  | 'export';

export const ROUTE_SLUGS: Record<RouteId, string> = {
  answer: 'vierde-pijler',
  data: 'gegevens',
  import: 'import',
  organigram: 'organigram',
  planning: 'planning',
  pilots: 'proeftuinen',
  municipalities: 'gemeenten',
  dashboard: 'dashboard',
  sql: 'sql',
  export: 'export',
};

export const DEFAULT_ROUTE: RouteId = 'pilots';

export type Route = {
  id: RouteId;
  /** The rest of the path, e.g. a table name on Gegevens. */ param: string | null;
};

export function parseHash(hash: string): Route {
  const [slug = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  const id = (Object.keys(ROUTE_SLUGS) as RouteId[]).find((key) => ROUTE_SLUGS[key] === slug);
  if (!id) return { id: DEFAULT_ROUTE, param: null };
  const param = rest.length > 0 ? decodeURIComponent(rest.join('/')) : null;
  return { id, param: param || null };
}

export function routeHref(id: RouteId, param?: string | null): string {
  return `#/${ROUTE_SLUGS[id]}${param ? `/${encodeURIComponent(param)}` : ''}`;
}

export function navigate(id: RouteId, param?: string | null): void {
  window.location.hash = routeHref(id, param);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const getHash = () => window.location.hash;

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return parseHash(hash);
}
