import type { ImportFile } from '../api-types';
import type { SheetSample } from '../readers/layout';
import type { ByteSource, OpenWorkbookOptions, WorkbookReader } from '../types';

/**
 * The worker keeps a file's bytes between the wizard's steps (inspect → preview → plan →
 * commit), so they cross the thread boundary once. Only the last few files stay; plans keep
 * what their commit needs.
 */
export type StoredFile = {
  info: ImportFile;
  /** The file's bytes, or where to read them (the CLI streams a CSV from disk). */
  bytes: Uint8Array | ByteSource;
  options: OpenWorkbookOptions;
  /** The file opened once, for every later step (opening a CSV counts its rows on all bytes). */
  reader?: WorkbookReader;
  /** Rows per sheet, once counted by reading it (a sheet without <dimension>): read once, not per step. */
  rowCounts?: Map<string, number>;
  /** The first rows per sheet, read once for the preview and the import that follows it. */
  samples?: Map<string, SheetSample>;
};

const MAX_FILES = 4;
const MAX_PLANS = 4;

const files = new Map<string, StoredFile>();
const plans = new Map<string, unknown>();

function remember<T>(map: Map<string, T>, id: string, value: T, limit: number): void {
  map.delete(id);
  map.set(id, value);
  while (map.size > limit) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

export function storeFile(file: StoredFile): void {
  remember(files, file.info.fileId, file, MAX_FILES);
}

export function getFile(fileId: string): StoredFile | undefined {
  return files.get(fileId);
}

/** Drops a stored file (the demo build, so its files don't push a user's out of the store). */
export function forgetFile(fileId: string): void {
  files.delete(fileId);
}

export function storePlan<T>(planId: string, plan: T): void {
  remember(plans, planId, plan, MAX_PLANS);
}

export function getPlan<T>(planId: string): T | undefined {
  return plans.get(planId) as T | undefined;
}

export function forgetPlan(planId: string): void {
  plans.delete(planId);
}

let counter = 0;

/** A short unique id for a stored file or plan. */
export function newId(prefix: string): string {
  counter++;
  const random = Math.random().toString(36).slice(2, 10);
  return `${prefix}-${Date.now().toString(36)}-${counter}-${random}`;
}

/** SHA-256 of the bytes as hex (WebCrypto: present in workers and in Node ≥ 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
