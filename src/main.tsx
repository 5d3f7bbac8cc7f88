import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './styles/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createAskFileName } from './features/shell/ask-file-name';
import { createHost } from './host';
import { createI18n } from './i18n';
import { createCoreClient } from './worker/core-client';

const i18n = createI18n();
const host = createHost({ askFileName: createAskFileName(i18n) });
const core = createCoreClient();

const root = document.getElementById('root');
if (!root) throw new Error('#root ontbreekt in index.html');

createRoot(root).render(
  <StrictMode>
    <App core={core} host={host} i18n={i18n} />
  </StrictMode>,
);
