import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { answerEn, answerNl } from '../features/answer/locales';
import { dashboardEn, dashboardNl } from '../features/dashboard/locales';
import { exportEn, exportNl } from '../features/export/locales';
import { sqlEn, sqlNl } from '../features/sql/locales';
import { importEn, importNl } from '../features/import/locales';
import { organigramEn, organigramNl } from '../features/organigram/locales';
import { planningEn, planningNl } from '../features/planning/locales';
import { sharingEn, sharingNl } from '../features/shell/sharing-locales';
import { en } from './locales/en';
import { nl } from './locales/nl';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

const STORAGE_KEY = 'pijlerplan.language';

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice simply lasts for this session.
  }
}

/**
 * One i18next instance for the renderer. Dutch (nl-BE) is the reference and the fallback;
 * the import wizard brings its own namespace (`import`), owned by that feature.
 */
export function createI18n(language: Language = storedLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'nl',
    supportedLngs: LANGUAGES,
    defaultNS: 'translation',
    ns: [
      'translation',
      'import',
      'organigram',
      'planning',
      'dashboard',
      'export',
      'sharing',
      'sql',
      'answer',
    ],
    resources: {
      nl: {
        translation: nl,
        import: importNl,
        organigram: organigramNl,
        planning: planningNl,
        dashboard: dashboardNl,
        export: exportNl,
        sharing: sharingNl,
        sql: sqlNl,
        answer: answerNl,
      },
      en: {
        translation: en,
        import: importEn,
        organigram: organigramEn,
        planning: planningEn,
        dashboard: dashboardEn,
        export: exportEn,
        sharing: sharingEn,
        sql: sqlEn,
        answer: answerEn,
      },
    },
    interpolation: { escapeValue: false }, // React escapes already
    returnObjects: true,
    initAsync: false,
  });
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = intlLocale(lng);
  });
  document.documentElement.lang = intlLocale(language);
  return instance;
}

/** The Intl locale for a UI language: Belgian Dutch, and British English (dd/mm/yyyy). */
export function intlLocale(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'nl-BE';
}
