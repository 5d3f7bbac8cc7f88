import { useRecovery } from './use-recovery';
import { AppShell, Center, Loader, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../app/core-context';
import type { AppHost } from '../../host';
import { useRoute, type RouteId } from '../../app/router';
import { useWorkspace } from '../../app/workspace-state';
import { AnswerScreen } from '../answer/AnswerScreen';
import { ImportScreen, ImportWindowDrop } from '../import';
import { DataScreen } from '../data/DataScreen';
import { DashboardScreen } from '../dashboard/DashboardScreen';
import { ExportScreen } from '../export/ExportScreen';
import { MunicipalitiesScreen } from '../municipalities/MunicipalitiesScreen';
import { OrganigramScreen } from '../organigram/OrganigramScreen';
import { PilotsScreen } from '../pilots/PilotsScreen';
import { PlanningScreen } from '../planning/PlanningScreen';
import { SqlScreen } from '../sql/SqlScreen';
import { AboutModal } from './AboutModal';
import { CommandPalette } from './CommandPalette';
import { Header, workspaceTitle } from './Header';
import { Navbar } from './Navbar';
import { ReadOnlyBanner } from './sharing-dialogs';
import classes from './Shell.module.css';
import { useCommandBindings, useCommands } from './use-commands';
import { useWorkspaceActions } from './use-workspace-actions';

function Screen({ id, param }: { id: RouteId; param: string | null }) {
  switch (id) {
    case 'answer':
      return <AnswerScreen />;
    case 'data':
      return <DataScreen table={param} />;
    case 'import':
      return <ImportScreen />;
    case 'organigram':
      return <OrganigramScreen />;
    case 'planning':
      return <PlanningScreen />;
    case 'pilots':
      return <PilotsScreen />;
    case 'municipalities':
      return <MunicipalitiesScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    case 'sql':
      return <SqlScreen />;
    case 'export':
      return <ExportScreen />;
  }
}

/**
 * The window: header (file menu, workspace name and unsaved marker, undo/redo, language,
 * theme), navigation, and the current screen. Opens the demo workspace at start.
 */
export function AppShellLayout({
  startupWorkspace,
}: {
  /** The workspace to open at start instead of the demo (Electron's command line). */
  startupWorkspace?: AppHost['startupWorkspace'];
}) {
  const { t } = useTranslation();
  const host = useHost();
  const route = useRoute();
  const workspace = useWorkspace();
  const actions = useWorkspaceActions();
  const recovery = useRecovery();
  const commands = useCommands();
  useCommandBindings(commands);
  const [navOpened, nav] = useDisclosure(false);
  const [aboutOpened, about] = useDisclosure(false);
  const [startError, setStartError] = useState<string | null>(null);
  const started = useRef(false);

  // A workspace double-clicked (or passed to a second instance) while the app runs: the same
  // path as Bestand › Recente bestanden — the unsaved-changes question, then open. Subscribed
  // before the start effect below asks main for the startup file, so nothing falls between.
  useEffect(() => host.onOpenFile?.((path) => void actions.openRecent(path)), [actions, host]);

  // The app opens on the file it was started with (Electron), else on the demo workspace: a
  // first look with real content.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const start = async () => {
      // A session that crashed left its unsaved work: offer it first.
      if (await recovery.offer()) return;
      const startup = await startupWorkspace?.();
      if (startup?.ok && startup.value && (await actions.openHostFile(startup.value))) return;
      await actions.openDemo({ quiet: true });
    };
    start().catch((error: unknown) => {
      setStartError(error instanceof Error ? error.message : String(error));
    });
  }, [actions, recovery, startupWorkspace]);

  const { info } = workspace;
  const title = workspaceTitle(info, t);
  useEffect(() => {
    host.setTitle(title, info?.dirty ?? false);
  }, [host, title, info?.dirty]);

  const dirty = useRef(false);
  useEffect(() => {
    dirty.current = info?.dirty ?? false;
  }, [info?.dirty]);
  useEffect(() => host.setCloseGuard(() => dirty.current), [host]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={0}
    >
      <AppShell.Header>
        <Header
          commands={commands}
          actions={actions}
          navOpened={navOpened}
          onToggleNav={nav.toggle}
          onAbout={about.open}
        />
      </AppShell.Header>
      <AppShell.Navbar>
        <Navbar active={route.id} onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <ReadOnlyBanner
          onSaveAs={() => void actions.saveAs()}
          onTakeOver={() => void actions.takeOver()}
        />
        {info ? (
          <Screen id={route.id} param={route.param} />
        ) : (
          <Center h="100%">
            <Stack align="center" gap="xs">
              {startError ? (
                <Text c="red">{t('app.coreFailed', { message: startError })}</Text>
              ) : (
                <>
                  <Loader />
                  <Text c="dimmed">{t('app.loading')}</Text>
                </>
              )}
            </Stack>
          </Center>
        )}
      </AppShell.Main>
      <ImportWindowDrop />
      <AboutModal opened={aboutOpened} onClose={about.close} />
      <CommandPalette commands={commands} />
    </AppShell>
  );
}
