import { answerHandlers } from '../answer/handlers';
import { dashboardHandlers } from '../dashboard/handlers';
import { exportHandlers } from '../export/handlers';
import { importHandlers } from '../import/handlers';
import { orgHandlers } from '../org/handlers';
import { planningHandlers } from '../planning/handlers';
import { tablesHandlers } from '../tables/handlers';
import { workspaceHandlers } from '../workspace/handlers';
import type { HandlerContext } from './context';

/** Every core operation by name: the single map the worker, the CLI and the tests call. */
export const handlers = {
  ...workspaceHandlers,
  ...tablesHandlers,
  ...importHandlers,
  ...orgHandlers,
  ...planningHandlers,
  ...dashboardHandlers,
  ...exportHandlers,
  ...answerHandlers,
};

export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers;
export type HandlerArgs<K extends HandlerName> = Parameters<Handlers[K]>[0];
export type HandlerValue<K extends HandlerName> = Awaited<ReturnType<Handlers[K]>>;

/** Calls a handler with its precise argument and result types. */
export function callHandler<K extends HandlerName>(
  name: K,
  args: HandlerArgs<K>,
  context: HandlerContext,
): Promise<HandlerValue<K>> {
  const handler = handlers[name] as (a: HandlerArgs<K>, c: HandlerContext) => unknown;
  return Promise.resolve(handler(args, context)) as Promise<HandlerValue<K>>;
}
