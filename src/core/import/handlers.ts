import { defineHandlers } from '../handlers/context';

export const importHandlers = defineHandlers({});
