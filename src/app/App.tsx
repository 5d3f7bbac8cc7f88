import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { AppShellLayout } from '../features/shell/AppShellLayout';
import type { AppHost } from '../host';
import type { CoreClient } from '../worker/core-client';
import { CoreContext, HostContext } from './core-context';
import { cssVariablesResolver, theme } from './theme';
import { WorkspaceProvider } from './workspace-state';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'pijlerplan.color-scheme' });

/** Everything the screens rely on: i18n, theme, modals, notifications, core, host, workspace. */
export function App({ core, host, i18n }: { core: CoreClient; host: AppHost; i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        colorSchemeManager={colorSchemeManager}
        defaultColorScheme="light"
      >
        <ModalsProvider>
          <Notifications position="bottom-right" limit={4} />
          <CoreContext.Provider value={core}>
            <HostContext.Provider value={host}>
              <WorkspaceProvider>
                <AppShellLayout startupWorkspace={host.startupWorkspace} />
              </WorkspaceProvider>
            </HostContext.Provider>
          </CoreContext.Provider>
        </ModalsProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
