import type { RecentFile } from './host';

/**
 * The browser host's "disk": workspaces saved in IndexedDB under their file name, and the list
 * of recent files. IndexedDB (not localStorage) because workspaces are megabytes of binary.
 */
const DB_NAME = 'pijlerplan';
const DB_VERSION = 1;
const FILES = 'files';
const RECENT = 'recent';
const RECENT_LIMIT = 10;

type StoredFile = { path: string; name: string; bytes: Uint8Array; savedAt: string };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB-fout'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB-fout'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB-transactie afgebroken'));
  });
}

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES, { keyPath: 'path' });
      if (!db.objectStoreNames.contains(RECENT)) db.createObjectStore(RECENT, { keyPath: 'path' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB kon niet geopend worden'));
  });
  return opened;
}

export async function writeStoredFile(
  path: string,
  name: string,
  bytes: Uint8Array,
): Promise<void> {
  const db = await database();
  const tx = db.transaction([FILES], 'readwrite');
  const file: StoredFile = { path, name, bytes, savedAt: new Date().toISOString() };
  tx.objectStore(FILES).put(file);
  await done(tx);
}

export async function deleteStoredFile(path: string): Promise<void> {
  const db = await database();
  const tx = db.transaction([FILES], 'readwrite');
  tx.objectStore(FILES).delete(path);
  await done(tx);
}

export async function readStoredFile(path: string): Promise<StoredFile | undefined> {
  const db = await database();
  const tx = db.transaction([FILES], 'readonly');
  return (await request(tx.objectStore(FILES).get(path))) as StoredFile | undefined;
}

/** Puts a file at the top of the recent list (by time) and trims the list. */
export async function touchRecent(path: string, name: string): Promise<void> {
  const db = await database();
  const tx = db.transaction([RECENT], 'readwrite');
  const store = tx.objectStore(RECENT);
  const entry: RecentFile = { path, name, openedAt: new Date().toISOString() };
  store.put(entry);
  const all = (await request(store.getAll())) as RecentFile[];
  sortRecent(all)
    .slice(RECENT_LIMIT)
    .forEach((old) => store.delete(old.path));
  await done(tx);
}

export async function listRecent(): Promise<RecentFile[]> {
  const db = await database();
  const tx = db.transaction([RECENT], 'readonly');
  return sortRecent((await request(tx.objectStore(RECENT).getAll())) as RecentFile[]).slice(
    0,
    RECENT_LIMIT,
  );
}

function sortRecent(files: RecentFile[]): RecentFile[] {
  return [...files].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}
