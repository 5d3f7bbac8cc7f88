/** The import wizard's strings (i18n namespace `import`); English has the same keys. */
export const importNl = {
  title: 'Importeren',
};

export const importEn: typeof importNl = {
  title: 'Import',
};
