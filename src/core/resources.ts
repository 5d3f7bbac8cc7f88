/**
 * Bundled resource files (reference data, the demo workspace's source spreadsheets), read by
 * name relative to `resources/` — e.g. `reference/municipalities_flanders_2025.csv`. The worker
 * gets them from the bundle, Node from disk; the core only sees this interface.
 */
export type ResourceLoader = {
  text(name: string): Promise<string>;
  bytes(name: string): Promise<Uint8Array>;
};
