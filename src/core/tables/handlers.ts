import { defineHandlers } from '../handlers/context';

export const tablesHandlers = defineHandlers({});
