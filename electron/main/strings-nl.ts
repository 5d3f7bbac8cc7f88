/**
 * Dutch strings only the main process shows (native dialogs, standard menu roles). Menu and
 * command labels come from src/i18n/locales/nl.ts, like in the UI.
 */
export const MAIN_STRINGS_NL = {
  menu: {
    quit: 'Afsluiten',
    cut: 'Knippen',
    copy: 'Kopiëren',
    paste: 'Plakken',
    selectAll: 'Alles selecteren',
    zoomIn: 'Inzoomen',
    zoomOut: 'Uitzoomen',
    resetZoom: 'Werkelijke grootte',
    fullScreen: 'Volledig scherm',
    reload: 'Herladen',
    devTools: 'Ontwikkelaarshulpmiddelen',
    window: 'Venster',
    minimize: 'Minimaliseren',
    recentFiles: 'Recente bestanden',
    noRecentFiles: 'Nog geen recente bestanden',
  },
  dialogs: {
    openWorkspace: 'Werkruimte openen',
    saveWorkspace: 'Werkruimte opslaan',
    openSpreadsheet: 'Spreadsheet importeren',
    saveExport: 'Export opslaan',
    workspaceFilter: 'Pijlerplan-werkruimte',
    sqliteFilter: 'SQLite-databank',
    spreadsheetFilter: 'Spreadsheets',
    allFiles: 'Alle bestanden',
  },
  closePrompt: {
    title: 'Niet-opgeslagen wijzigingen',
    message: 'Wil je de wijzigingen in "{name}" opslaan voor je Pijlerplan sluit?',
    detail: 'Als je niet opslaat, gaan je wijzigingen verloren.',
    save: 'Opslaan',
    dontSave: 'Niet opslaan',
    cancel: 'Annuleren',
  },
  errors: {
    readFailed: 'Het bestand "{name}" kon niet gelezen worden: {reason}',
    writeFailed: 'Het bestand "{name}" kon niet opgeslagen worden: {reason}',
    locked:
      'Het bestand "{name}" is in gebruik door een ander programma (bv. Excel of een virusscanner). Sluit het daar en probeer opnieuw.',
    notFound: 'Het bestand "{name}" bestaat niet meer.',
    changedOnDisk:
      '"{name}" is intussen buiten dit venster opgeslagen (door een collega of een ander programma; laatst door Pijlerplan opgeslagen: {when}). Niets is overschreven. Sla je werk op als een nieuw bestand met Opslaan als….',
    readOnly:
      '"{name}" is alleen-lezen geopend: iemand anders heeft het open. Niets is overschreven. Sla je werk op als een nieuw bestand met Opslaan als…, of neem het bestand over als die vergrendeling verlopen is.',
    notAllowed:
      'Pijlerplan mag "{name}" niet openen of overschrijven zonder dat je het zelf kiest. Gebruik Openen… of Opslaan als….',
  },
} as const;

/** Fills "{name}" placeholders. */
export function fillIn(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
