import { CircularProgress, Stack } from '@mui/material';
import { lazy, Suspense } from 'react';
import {
  FunctionField,
  Labeled,
  Link,
  Show,
  TabbedShowLayout,
  TextField,
  UrlField,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { RecordActions } from '../common/RecordActions';
import { historyAndNotesTabs } from '../common/RecordTabs';
import type { SourceRecord } from '../providers/resources';
import { published } from './published';

const SourceReader = lazy(() => import('../reader/SourceReader'));

function SourceTitle() {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{record?.title ?? translate('console.sources.show.fallbackTitle')}</span>;
}

export function SourceShow() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Show title={<SourceTitle />} actions={<RecordActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="console.sources.show.reader">
          <Suspense fallback={<CircularProgress size={24} />}>
            <SourceReader />
          </Suspense>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="console.sources.show.details" path="details">
          <TextField source="title" variant="h6" />
          <UrlField source="url" target="_blank" emptyText="—" />
          <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
            <Labeled label="resources.sources.fields.publisher">
              <TextField source="publisher" emptyText="—" />
            </Labeled>
            <Labeled label="resources.sources.fields.author">
              <TextField source="author" emptyText="—" />
            </Labeled>
            <Labeled label="resources.sources.fields.publishedAt">
              <FunctionField<SourceRecord>
                render={(r) =>
                  r.publishedBasis
                    ? translate('console.sources.show.publishedWithBasis', {
                        published: published(r),
                        basis: translate(`console.sources.bases.${r.publishedBasis}`),
                      })
                    : published(r)
                }
              />
            </Labeled>
            <Labeled label="resources.sources.fields.language">
              <TextField source="language" />
            </Labeled>
            <Labeled label="resources.sources.fields.kind">
              <FunctionField<SourceRecord> render={(r) => translate(`console.sources.kinds.${r.kind}`)} />
            </Labeled>
            <Labeled label="resources.sources.fields.reliability">
              <FunctionField<SourceRecord>
                render={(r) =>
                  translate(r.reliability ? `console.sources.reliabilities.${r.reliability}` : 'console.sources.show.notGraded')
                }
              />
            </Labeled>
          </Stack>
          <Labeled label="console.sources.show.sameStory" fullWidth>
            <FunctionField<SourceRecord>
              render={(r) =>
                (r.storySources ?? []).length === 0 ? (
                  translate('console.sources.show.noOtherSource')
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
                <Labeled label="console.sources.show.reprintOf">
                  <Link to={`/sources/${r.reprintOf.id}/show`}>{r.reprintOf.title}</Link>
                </Labeled>
              ) : null
            }
          />
          <Labeled label="console.sources.show.howDateKnown">
            <TextField source="publishedNote" emptyText="—" />
          </Labeled>
          <Labeled label="resources.sources.fields.reliabilityNote">
            <TextField source="reliabilityNote" emptyText="—" />
          </Labeled>
          <Labeled label="console.sources.show.snapshots" fullWidth>
            <FunctionField<SourceRecord>
              render={(r) => (
                <ol style={{ margin: 0 }}>
                  {(r.revisionList ?? []).map((s) => (
                    <li key={s.id}>
                      {translate('console.sources.show.snapshot', {
                        number: s.number,
                        date: new Date(s.createdAt).toLocaleString(locale),
                        reason: s.reason ?? '',
                      })}{' '}
                      <code>{s.sha256.slice(0, 12)}</code>
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
