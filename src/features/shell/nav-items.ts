import {
  IconBuildingCommunity,
  IconCalendarStats,
  IconChartBar,
  IconDatabase,
  IconFileExport,
  IconFileImport,
  IconHierarchy2,
  IconPlant2,
  IconReportAnalytics,
  IconSql,
  type Icon,
} from '@tabler/icons-react';
import type { RouteId } from '../../app/router';

/** The screens, in navigation order: the sidebar and the command palette both list these. */
export const NAV_ITEMS: readonly { id: RouteId; icon: Icon }[] = [
  // The question the app exists to answer: first, one click from every screen and the palette.
  { id: 'answer', icon: IconReportAnalytics },
  { id: 'data', icon: IconDatabase },
  { id: 'import', icon: IconFileImport },
  { id: 'organigram', icon: IconHierarchy2 },
  { id: 'planning', icon: IconCalendarStats },
  { id: 'pilots', icon: IconPlant2 },
  { id: 'municipalities', icon: IconBuildingCommunity },
  { id: 'dashboard', icon: IconChartBar },
  { id: 'sql', icon: IconSql },
  { id: 'export', icon: IconFileExport },
];
