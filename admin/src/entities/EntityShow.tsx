import { Chip, Stack, Typography } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  Labeled,
  Pagination,
  ReferenceManyField,
  Show,
  TabbedShowLayout,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { formatSpan } from '../common/dates';
import { FocusableRows } from '../common/FocusableRows';
import { RecordActions } from '../common/RecordActions';
import { historyAndNotesTabs } from '../common/RecordTabs';
import { StatusField } from '../common/status';
import type { EntityRecord, EventRecord } from '../providers/resources';
import { MergeButton } from './MergeButton';

function EntityTitle() {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{record?.name ?? translate('console.entities.show.fallbackTitle')}</span>;
}

export function EntityShow() {
  const translate = useTranslate();
  return (
    <Show
      title={<EntityTitle />}
      actions={
        <RecordActions>
          <MergeButton />
        </RecordActions>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="console.entities.show.tab">
          <TextField source="name" variant="h6" />
          <Stack direction="row" spacing={4}>
            <Labeled label="resources.entities.fields.kind">
              <FunctionField<EntityRecord> render={(r) => translate(`console.entities.kinds.${r.kind}`)} />
            </Labeled>
            <Labeled label="resources.entities.fields.wikidataId">
              <FunctionField<EntityRecord>
                render={(r) =>
                  r.wikidataId ? (
                    <a href={`https://www.wikidata.org/wiki/${r.wikidataId}`} target="_blank" rel="noreferrer">
                      {r.wikidataId}
                    </a>
                  ) : (
                    '—'
                  )
                }
              />
            </Labeled>
            <Labeled label="resources.entities.fields.version">
              <TextField source="version" />
            </Labeled>
          </Stack>
          <Labeled label="resources.entities.fields.aliases">
            <FunctionField<EntityRecord>
              render={(r) => (
                <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
                  {(r.aliases ?? []).map((a) => (
                    <Chip key={a} size="small" label={a} />
                  ))}
                </Stack>
              )}
            />
          </Labeled>
          <TextField source="description" emptyText="console.entities.show.noDescription" />
          <FunctionField<EntityRecord>
            render={(r) =>
              r.mergedInto ? (
                <Chip
                  color="warning"
                  label={translate('console.entities.show.mergedInto', { name: r.mergedInto.name })}
                  component="a"
                  clickable
                  href={`#/entities/${r.mergedInto.id}/show`}
                />
              ) : null
            }
          />
          <RelatedRecords />
        </TabbedShowLayout.Tab>
        {historyAndNotesTabs()}
      </TabbedShowLayout>
    </Show>
  );
}

/** Where the entity appears: claims it made and claims about it, events it took part in or that happened there. */
function RelatedRecords() {
  const record = useRecordContext();
  const translate = useTranslate();
  if (!record) return null;
  const none = <Typography color="text.secondary">{translate('console.entities.show.none')}</Typography>;
  const claims = (target: string, label: string) => (
    <Labeled label={label} fullWidth>
      <ReferenceManyField reference="claims" target={target} perPage={10} pagination={<Pagination rowsPerPageOptions={[10]} />}>
        <Datagrid body={FocusableRows} rowClick="show" bulkActionButtons={false} empty={none}>
          <TextField source="text" sortable={false} />
          <StatusField source="status" />
        </Datagrid>
      </ReferenceManyField>
    </Labeled>
  );
  const events = (target: string, label: string) => (
    <Labeled label={label} fullWidth>
      <ReferenceManyField reference="events" target={target} perPage={10} pagination={<Pagination rowsPerPageOptions={[10]} />}>
        <Datagrid body={FocusableRows} rowClick="show" bulkActionButtons={false} empty={none}>
          <TextField source="title" sortable={false} />
          <FunctionField<EventRecord> label="console.entities.show.when" render={(r) => formatSpan(r.start, r.end) || '—'} />
          <StatusField source="status" />
        </Datagrid>
      </ReferenceManyField>
    </Labeled>
  );
  return (
    <Stack spacing={2} sx={{ width: '100%' }}>
      {record.kind === 'PLACE' ? events('placeId', 'console.entities.show.eventsHere') : null}
      {record.kind !== 'PLACE' ? claims('claimantId', 'console.entities.show.claimsMade') : null}
      {events('entityId', 'console.entities.show.eventsIn')}
      {claims('entityId', 'console.entities.show.claimsAbout')}
    </Stack>
  );
}
