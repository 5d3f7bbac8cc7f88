import {
  deleteStoredFile,
  listRecent,
  readStoredFile,
  touchRecent,
  writeStoredFile,
} from './browser-store';
import type { ExportFile, Host, HostFile, HostResult } from './host';

/** Where the crash-recovery copy lives among the stored files (never a user's file name). */
const RECOVERY_KEY = '\u0000herstelkopie';

/** Workspace files carry this extension (they are SQLite files underneath). */
export const WORKSPACE_EXTENSION = '.pijlerplan';

export type BrowserHostOptions = {
  /**
   * Asks the user for a file name for "Save as" (the browser has no save dialog that returns a
   * place we can write to again). Null when cancelled. The shell provides it as a modal.
   */
  askFileName(suggestedName: string): Promise<string | null>;
};

function withExtension(name: string): string {
  const trimmed = name.trim();
  return trimmed.toLowerCase().endsWith(WORKSPACE_EXTENSION)
    ? trimmed
    : `${trimmed}${WORKSPACE_EXTENSION}`;
}

function failure(error: unknown): { ok: false; message: string } {
  return { ok: false, message: error instanceof Error ? error.message : String(error) };
}

/**
 * Lets the user pick one file through a hidden `<input type="file">`; null when they cancel.
 * The input sits in the document while it is open so tests can drive it like a user would.
 */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.dataset.testid = 'host-file-input';
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

async function readPicked(
  accept: string,
): Promise<HostResult<{ name: string; bytes: Uint8Array } | null>> {
  try {
    const file = await pickFile(accept);
    if (!file) return { ok: true, value: null };
    return {
      ok: true,
      value: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    };
  } catch (error) {
    return failure(error);
  }
}

/** Offers bytes as a download (the browser's "save as" for exports). */
function download(bytes: Uint8Array | Blob, name: string): void {
  const blob =
    bytes instanceof Blob
      ? bytes
      : new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: Chromium starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The File System Access API's save picker (Chromium), typed for what we use. */
type SavePicker = (options: {
  suggestedName: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}) => Promise<{
  name: string;
  createWritable(): Promise<{
    write(data: Uint8Array): Promise<void>;
    close(): Promise<void>;
    abort(): Promise<void>;
  }>;
}>;

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/**
 * An export streamed into the file the user picks (showSaveFilePicker): Chromium writes to a
 * swap file and puts it in place on close, so an aborted export leaves the target untouched.
 * Without the API: the chunks are gathered as a Blob and downloaded on commit.
 */
async function createBrowserExportFile(
  suggestedName: string,
): Promise<HostResult<ExportFile | null>> {
  const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (picker) {
    const extension = suggestedName.split('.').pop()?.toLowerCase() ?? '';
    let handle: Awaited<ReturnType<SavePicker>>;
    try {
      handle = await picker({
        suggestedName,
        types: MIME[extension]
          ? [
              {
                description: extension.toUpperCase(),
                accept: { [MIME[extension]]: [`.${extension}`] },
              },
            ]
          : undefined,
      });
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') return { ok: true, value: null };
      return failure(error);
    }
    try {
      const writable = await handle.createWritable();
      return {
        ok: true,
        value: {
          name: handle.name,
          write: (chunk) => writable.write(chunk),
          async commit() {
            try {
              await writable.close();
              return { ok: true, value: handle.name };
            } catch (error) {
              return failure(error);
            }
          },
          abort: () => writable.abort().catch(() => undefined),
        },
      };
    } catch (error) {
      return failure(error);
    }
  }
  let parts: Blob[] = [];
  return {
    ok: true,
    value: {
      name: suggestedName,
      async write(chunk) {
        parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
      },
      async commit() {
        try {
          download(new Blob(parts, { type: 'application/octet-stream' }), suggestedName);
          parts = [];
          return { ok: true, value: suggestedName };
        } catch (error) {
          return failure(error);
        }
      },
      async abort() {
        parts = [];
      },
    },
  };
}

/**
 * The Host for a plain browser page: a file input to open, IndexedDB as the place workspaces
 * are saved (under their file name) with the recent list beside them, downloads for exports.
 */
export function createBrowserHost(options: BrowserHostOptions): Host {
  let closeGuard: (() => boolean) | null = null;
  window.addEventListener('beforeunload', (event) => {
    if (closeGuard?.()) {
      event.preventDefault();
      // Older Chromium needs returnValue set to show the prompt.
      event.returnValue = '';
    }
  });

  return {
    kind: 'browser',

    async openWorkspace() {
      const picked = await readPicked(
        `${WORKSPACE_EXTENSION},.sqlite,.sqlite3,.db,application/x-sqlite3`,
      );
      if (!picked.ok || !picked.value) return picked as HostResult<HostFile | null>;
      const { name, bytes } = picked.value;
      // A picked file has no place we can write back to; it is kept under its name, so Save
      // writes there and it shows in the recent list.
      return { ok: true, value: { name, path: name, bytes } };
    },

    async openRecent(path) {
      try {
        const stored = await readStoredFile(path);
        if (!stored) return { ok: false, message: `"${path}" staat niet meer in deze browser.` };
        await touchRecent(stored.path, stored.name);
        return { ok: true, value: { name: stored.name, path: stored.path, bytes: stored.bytes } };
      } catch (error) {
        return failure(error);
      }
    },

    openSpreadsheet: () => readPicked('.xlsx,.xlsm,.xls,.ods,.csv,.tsv,.txt'),

    async saveWorkspace(bytes, path, suggestedName) {
      try {
        let target = path;
        if (target === null) {
          const asked = await options.askFileName(suggestedName);
          if (asked === null) return { ok: true, value: null };
          target = withExtension(asked);
        }
        await writeStoredFile(target, target, bytes);
        await touchRecent(target, target);
        return { ok: true, value: { name: target, path: target } };
      } catch (error) {
        return failure(error);
      }
    },

    async saveExport(bytes, suggestedName) {
      try {
        download(bytes, suggestedName);
        return { ok: true, value: suggestedName };
      } catch (error) {
        return failure(error);
      }
    },

    createExportFile: createBrowserExportFile,

    recentFiles: () => listRecent().catch(() => []),

    // IndexedDB writes are transactional: the copy is the old one or the new one, never half.
    async writeRecovery(bytes, info) {
      await writeStoredFile(RECOVERY_KEY, JSON.stringify(info), bytes).catch(() => undefined);
    },
    async readRecovery() {
      const stored = await readStoredFile(RECOVERY_KEY).catch(() => undefined);
      if (!stored) return null;
      const info = JSON.parse(stored.name) as { name: string; path: string | null };
      return { ...info, bytes: stored.bytes, writtenAt: stored.savedAt };
    },
    async clearRecovery() {
      await deleteStoredFile(RECOVERY_KEY).catch(() => undefined);
    },

    setTitle(title, dirty) {
      document.title = `${dirty ? '• ' : ''}${title} — Pijlerplan`;
    },

    // The page has no native menu; the in-app menu and shortcuts run commands directly.
    onCommand: () => () => undefined,

    setCloseGuard(isDirty) {
      closeGuard = isDirty;
    },
  };
}
