import type { ResourceLoader } from '../core/resources';

// Vite inlines every resource file's URL at build time; the files are fetched on demand.
const urls = import.meta.glob('../../resources/**/*.{csv,xlsx}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

async function fetchResource(name: string): Promise<Response> {
  const url = urls[`../../resources/${name}`];
  if (!url) throw new Error(`Onbekend bronbestand: ${name}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Bronbestand ${name} niet geladen (${response.status})`);
  return response;
}

export const bundledResources: ResourceLoader = {
  text: async (name) => (await fetchResource(name)).text(),
  bytes: async (name) => new Uint8Array(await (await fetchResource(name)).arrayBuffer()),
};
