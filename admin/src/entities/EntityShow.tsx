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
} from 'react-admin';

import { label } from '../common/choices';
import { formatSpan } from '../common/dates';
import { FocusableRows } from '../common/FocusableRows';
import { RecordActions } from '../common/RecordActions';
import { historyAndNotesTabs } from '../common/RecordTabs';
import { StatusField } from '../common/status';
import type { EntityRecord, EventRecord } from '../providers/resources';
import { MergeButton } from './MergeButton';

function EntityTitle() {
  const record = useRecordContext();
  return <span>{record?.name ?? 'Entity'}</span>;
}

export function EntityShow() {
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
        <TabbedShowLayout.Tab label="Entity">
          <TextField source="name" variant="h6" />
          <Stack direction="row" spacing={4}>
            <Labeled label="Kind">
              <FunctionField<EntityRecord> render={(r) => label(r.kind)} />
            </Labeled>
            <Labeled label="Wikidata">
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
            <Labeled label="Version">
              <TextField source="version" />
            </Labeled>
          </Stack>
          <Labeled label="Aliases">
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
          <TextField source="description" emptyText="No description" />
          <FunctionField<EntityRecord>
            render={(r) =>
              r.mergedInto ? (
                <Chip
                  color="warning"
                  label={`Merged into ${r.mergedInto.name}`}
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
  if (!record) return null;
  const claims = (target: string, label: string) => (
    <Labeled label={label} fullWidth>
      <ReferenceManyField reference="claims" target={target} perPage={10} pagination={<Pagination rowsPerPageOptions={[10]} />}>
        <Datagrid
          body={FocusableRows}
          rowClick="show"
          bulkActionButtons={false}
          empty={<Typography color="text.secondary">None</Typography>}
        >
          <TextField source="text" sortable={false} />
          <StatusField source="status" />
        </Datagrid>
      </ReferenceManyField>
    </Labeled>
  );
  const events = (target: string, label: string) => (
    <Labeled label={label} fullWidth>
      <ReferenceManyField reference="events" target={target} perPage={10} pagination={<Pagination rowsPerPageOptions={[10]} />}>
        <Datagrid
          body={FocusableRows}
          rowClick="show"
          bulkActionButtons={false}
          empty={<Typography color="text.secondary">None</Typography>}
        >
          <TextField source="title" sortable={false} />
          <FunctionField<EventRecord> label="When" render={(r) => formatSpan(r.start, r.end) || '—'} />
          <StatusField source="status" />
        </Datagrid>
      </ReferenceManyField>
    </Labeled>
  );
  return (
    <Stack spacing={2} sx={{ width: '100%' }}>
      {record.kind === 'PLACE' ? events('placeId', 'Events that happened here') : null}
      {record.kind !== 'PLACE' ? claims('claimantId', 'Claims they made') : null}
      {events('entityId', 'Events they took part in')}
      {claims('entityId', 'Claims about them')}
    </Stack>
  );
}
