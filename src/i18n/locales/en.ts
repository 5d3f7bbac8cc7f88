import type { Locale } from './nl';

export const en: Locale = {
  menus: { file: 'File', edit: 'Edit', view: 'View', help: 'Help' },
  commands: {
    'file.new': 'New workspace',
    'file.openDemo': 'Open demo workspace',
    'file.open': 'Open…',
    'file.save': 'Save',
    'file.saveAs': 'Save as…',
    'file.import': 'Import…',
    'edit.undo': 'Undo',
    'edit.redo': 'Redo',
    'view.toggleTheme': 'Light/dark theme',
    'view.toggleLanguage': 'Nederlands',
  },
};
