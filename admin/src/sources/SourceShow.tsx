import { CircularProgress, Stack } from '@mui/material';
import { lazy, Suspense } from 'react';
import { FunctionField, Labeled, Link, Show, TabbedShowLayout, TextField, UrlField, useRecordContext } from 'react-admin';

import { label, RELIABILITIES } from '../common/choices';
import { RecordActions } from '../common/RecordActions';
import { historyAndNotesTabs } from '../common/RecordTabs';
import type { SourceRecord } from '../providers/resources';
import { published } from './published';

const SourceReader = lazy(() => import('../reader/SourceReader'));

function SourceTitle() {
  const record = useRecordContext();
  return <span>{record?.title ?? 'Source'}</span>;
}

export function SourceShow() {
  return (
    <Show title={<SourceTitle />} actions={<RecordActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Reader">
          <Suspense fallback={<CircularProgress size={24} />}>
            <SourceReader />
          </Suspense>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Details" path="details">
          <TextField source="title" variant="h6" />
          <UrlField source="url" target="_blank" emptyText="—" />
          <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
            <Labeled label="Publisher">
              <TextField source="publisher" emptyText="—" />
            </Labeled>
            <Labeled label="Author">
              <TextField source="author" emptyText="—" />
            </Labeled>
            <Labeled label="Published">
              <FunctionField<SourceRecord> render={(r) => `${published(r)}${r.publishedBasis ? ` (${label(r.publishedBasis)})` : ''}`} />
            </Labeled>
            <Labeled label="Language">
              <TextField source="language" />
            </Labeled>
            <Labeled label="Kind">
              <FunctionField<SourceRecord> render={(r) => label(r.kind)} />
            </Labeled>
            <Labeled label="Reliability">
              <FunctionField<SourceRecord> render={(r) => RELIABILITIES.find((c) => c.id === r.reliability)?.name ?? 'not graded'} />
            </Labeled>
          </Stack>
          <Labeled label="Same story" fullWidth>
            <FunctionField<SourceRecord>
              render={(r) =>
                (r.storySources ?? []).length === 0 ? (
                  'No other source on this story yet'
                ) : (
                  <ul style={{ margin: 0 }} data-testid="story-sources">
                    {r.storySources.map((other) => (
                      <li key={other.id}>
                        <Link to={`/sources/${other.id}/show`}>{other.title}</Link>
                        {other.publisher ? ` · ${other.publisher}` : ''} · {published(other)}
                      </li>
                    ))}
                  </ul>
                )
              }
            />
          </Labeled>
          <FunctionField<SourceRecord>
            render={(r) =>
              r.reprintOf ? (
                <Labeled label="Reprint of">
                  <Link to={`/sources/${r.reprintOf.id}/show`}>{r.reprintOf.title}</Link>
                </Labeled>
              ) : null
            }
          />
          <Labeled label="How the date is known">
            <TextField source="publishedNote" emptyText="—" />
          </Labeled>
          <Labeled label="Reliability note">
            <TextField source="reliabilityNote" emptyText="—" />
          </Labeled>
          <Labeled label="Text snapshots" fullWidth>
            <FunctionField<SourceRecord>
              render={(r) => (
                <ol style={{ margin: 0 }}>
                  {(r.revisionList ?? []).map((s) => (
                    <li key={s.id}>
                      v{s.number}, {new Date(s.createdAt).toLocaleString()}: {s.reason ?? ''} <code>{s.sha256.slice(0, 12)}</code>
                    </li>
                  ))}
                </ol>
              )}
            />
          </Labeled>
        </TabbedShowLayout.Tab>
        {historyAndNotesTabs()}
      </TabbedShowLayout>
    </Show>
  );
}
