/**
 * The import wizard: the shell mounts `ImportScreen` on its import route and
 * `ImportWindowDrop` once at the root (it listens for files dropped anywhere on the window).
 */
export { ImportScreen, type ImportScreenProps, type ImportDestination } from './import-screen';
export { ImportWindowDrop, type ImportWindowDropProps } from './window-drop';
/** Hands a file to the wizard from elsewhere (e.g. Bestand › Importeren… with a file already read). */
export { offerImportFile, type IncomingFile } from './wizard-store';
export { importNl, importEn } from './locales';
