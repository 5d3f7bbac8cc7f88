// Placeholder until the import wizard lands: the shell mounts these two.
export const ImportScreen = (): null => null;
/** Listens for files dropped anywhere on the window and opens the import wizard with them. */
export const ImportWindowDrop = (): null => null;
