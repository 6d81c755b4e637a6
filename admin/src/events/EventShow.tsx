import { Chip, Stack } from '@mui/material';
import {
  ArrayField,
  Datagrid,
  FunctionField,
  Labeled,
  Show,
  SingleFieldList,
  TabbedShowLayout,
  TextField,
  useRecordContext,
} from 'react-admin';

import { DownloadReceiptButton } from '../audit/DownloadReceiptButton';
import { label } from '../common/choices';
import { formatSpan } from '../common/dates';
import { EvidenceList, ReviewSteps } from '../common/EvidenceList';
import { FocusableRows } from '../common/FocusableRows';
import { RecordActions } from '../common/RecordActions';
import { historyAndNotesTabs } from '../common/RecordTabs';
import { ReReviewNotice } from '../common/ReReviewNotice';
import { StatusField } from '../common/status';
import type { EventRecord } from '../providers/resources';
import { RecordReview } from '../review/RecordReview';

function EventTitle() {
  const record = useRecordContext();
  return <span>Event: {record?.title ?? ''}</span>;
}

export function EventShow() {
  return (
    <Show
      title={<EventTitle />}
      actions={
        <RecordActions>
          <DownloadReceiptButton />
        </RecordActions>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Event">
          <ReReviewNotice />
          <TextField source="title" variant="h6" />
          <TextField source="summary" emptyText="No summary" />
          <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
            <Labeled label="Status">
              <StatusField />
            </Labeled>
            <Labeled label="Type">
              <FunctionField<EventRecord> render={(r) => r.eventType?.label} />
            </Labeled>
            <Labeled label="When">
              <FunctionField<EventRecord> render={(r) => formatSpan(r.start, r.end) || '—'} />
            </Labeled>
            <Labeled label="As the source puts it">
              <TextField source="timeExpression" emptyText="—" />
            </Labeled>
            <Labeled label="Modality">
              <FunctionField<EventRecord> render={(r) => label(r.modality)} />
            </Labeled>
            <Labeled label="Place">
              <FunctionField<EventRecord> render={(r) => (r.place ? <a href={`#/entities/${r.place.id}/show`}>{r.place.name}</a> : '—')} />
            </Labeled>
            <Labeled label="Part of">
              <FunctionField<EventRecord>
                render={(r) => (r.parent ? <a href={`#/events/${r.parent.id}/show`}>{r.parent.title}</a> : '—')}
              />
            </Labeled>
            <Labeled label="Version">
              <TextField source="version" />
            </Labeled>
          </Stack>
          <FunctionField<EventRecord>
            render={(r) => (r.retracted ? <Chip color="secondary" label="Retracted: do not rely on it" /> : null)}
          />
          <Labeled label="Participants">
            <ArrayField source="participantList">
              <SingleFieldList linkType={false}>
                <FunctionField<EventRecord['participantList'][number]>
                  render={(p) => (
                    <Chip component="a" clickable href={`#/entities/${p.entity.id}/show`} label={`${p.entity.name} (${label(p.role)})`} />
                  )}
                />
              </SingleFieldList>
            </ArrayField>
          </Labeled>
          <Labeled label="Claims about it" fullWidth>
            <ArrayField source="claimList">
              <Datagrid body={FocusableRows} rowClick={(_id, _resource, claim) => `/claims/${claim.id}/show`} bulkActionButtons={false}>
                <TextField source="text" />
                <TextField source="claimantName" label="Claimant" />
                <StatusField source="status" />
              </Datagrid>
            </ArrayField>
          </Labeled>
          <Labeled label="Evidence">
            <EvidenceList />
          </Labeled>
          <Labeled label="Review">
            <ReviewSteps />
          </Labeled>
          <RecordReview />
        </TabbedShowLayout.Tab>
        {historyAndNotesTabs()}
      </TabbedShowLayout>
    </Show>
  );
}
