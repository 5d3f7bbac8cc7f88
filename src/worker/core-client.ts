import * as Comlink from 'comlink';
import type { Progress } from '../core/handlers/context';
import type { HandlerArgs, HandlerName, HandlerValue } from '../core/handlers';
import type { CoreRuntime } from '../core/runtime';

/** The renderer's handle on the core worker: typed calls, progress, cancel. */
export type CoreClient = {
  call<K extends HandlerName>(
    name: K,
    args: HandlerArgs<K>,
    options?: {
      onProgress?: (progress: Progress) => void;
      jobId?: string;
      /** Where an export streams its file (the host's export file); see HandlerContext.output. */
      output?: { write(chunk: Uint8Array): Promise<void> };
    },
  ): Promise<HandlerValue<K>>;
  cancel(jobId: string): Promise<void>;
};

export function createCoreClient(): CoreClient {
  const worker = new Worker(new URL('./core-worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<CoreRuntime>(worker);
  return {
    call(name, args, options) {
      const onProgress = options?.onProgress ? Comlink.proxy(options.onProgress) : undefined;
      // Comlink's Remote<> flattens the generic signature; the types above are the contract.
      const call = remote.call as unknown as CoreRuntime['call'];
      const output = options?.output
        ? Comlink.proxy({ write: (chunk: Uint8Array) => options.output!.write(chunk) })
        : undefined;
      return call(name, args, onProgress, options?.jobId, output);
    },
    cancel: (jobId) => remote.cancel(jobId),
  };
}
