import { defineHandlers } from '../handlers/context';

export const workspaceHandlers = defineHandlers({});
