/**
 * Dutch (nl-BE): the reference language. English (en.ts) must have the same keys — its type is
 * derived from this object, so a missing key fails the type-check.
 */
export const nl = {
  menus: { file: 'Bestand', edit: 'Bewerken', view: 'Beeld', help: 'Help' },
  commands: {
    'file.new': 'Nieuwe werkruimte',
    'file.openDemo': 'Voorbeeldwerkruimte openen',
    'file.open': 'Openen…',
    'file.save': 'Opslaan',
    'file.saveAs': 'Opslaan als…',
    'file.import': 'Importeren…',
    'edit.undo': 'Ongedaan maken',
    'edit.redo': 'Opnieuw',
    'view.toggleTheme': 'Licht/donker thema',
    'view.toggleLanguage': 'English',
  },
};

/** The shape every locale must have: nl's keys, any strings. */
export type LocaleShape<T> = { [K in keyof T]: T[K] extends string ? string : LocaleShape<T[K]> };
export type Locale = LocaleShape<typeof nl>;
