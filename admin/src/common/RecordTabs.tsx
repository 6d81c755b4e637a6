import { CircularProgress } from '@mui/material';
import { lazy, type ReactNode, Suspense } from 'react';
import { TabbedShowLayout } from 'react-admin';

const HistoryPanel = lazy(() => import('../history/HistoryPanel'));
const AnnotationsPanel = lazy(() => import('../annotations/AnnotationsPanel'));

const Loading = () => <CircularProgress size={24} />;

/** The tabs every record's page ends with: its history and its notes, loaded when opened. */
export function historyAndNotesTabs(): ReactNode[] {
  return [
    <TabbedShowLayout.Tab key="history" label="console.common.tabs.history" path="history">
      <Suspense fallback={<Loading />}>
        <HistoryPanel />
      </Suspense>
    </TabbedShowLayout.Tab>,
    <TabbedShowLayout.Tab key="notes" label="console.common.tabs.notes" path="notes">
      <Suspense fallback={<Loading />}>
        <AnnotationsPanel />
      </Suspense>
    </TabbedShowLayout.Tab>,
  ];
}
