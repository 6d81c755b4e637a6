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
  useTranslate,
} from 'react-admin';

import { DownloadReceiptButton } from '../audit/DownloadReceiptButton';
import { useDates } from '../common/dates';
import { EvidenceList, ReviewSteps } from '../common/EvidenceList';
import { FocusableRows } from '../common/FocusableRows';
import { RecordActions } from '../common/RecordActions';
import { historyAndNotesTabs } from '../common/RecordTabs';
import { ReReviewNotice } from '../common/ReReviewNotice';
import { StatusField } from '../common/status';
import { useVocabulary } from '../common/vocabulary';
import type { EventRecord } from '../providers/resources';
import { RecordReview } from '../review/RecordReview';

function EventTitle() {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{translate('console.events.show.title', { title: record?.title ?? '' })}</span>;
}

export function EventShow() {
  const translate = useTranslate();
  const label = useVocabulary();
  const dates = useDates();
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
        <TabbedShowLayout.Tab label="console.events.show.tab">
          <ReReviewNotice />
          <TextField source="title" variant="h6" />
          <TextField source="summary" emptyText="console.events.show.noSummary" />
          <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
            <Labeled label="resources.events.fields.status">
              <StatusField />
            </Labeled>
            <Labeled label="resources.events.fields.type">
              <FunctionField<EventRecord> render={(r) => r.eventType?.label} />
            </Labeled>
            <Labeled label="resources.events.fields.when">
              <FunctionField<EventRecord> render={(r) => dates.span(r.start, r.end) || '—'} />
            </Labeled>
            <Labeled label="resources.events.fields.timeExpression">
              <TextField source="timeExpression" emptyText="—" />
            </Labeled>
            <Labeled label="resources.events.fields.modality">
              <FunctionField<EventRecord> render={(r) => label(r.modality)} />
            </Labeled>
            <Labeled label="console.events.form.place">
              <FunctionField<EventRecord> render={(r) => (r.place ? <a href={`#/entities/${r.place.id}/show`}>{r.place.name}</a> : '—')} />
            </Labeled>
            <Labeled label="console.events.show.partOf">
              <FunctionField<EventRecord>
                render={(r) => (r.parent ? <a href={`#/events/${r.parent.id}/show`}>{r.parent.title}</a> : '—')}
              />
            </Labeled>
            <Labeled label="console.common.fields.version">
              <TextField source="version" />
            </Labeled>
          </Stack>
          <FunctionField<EventRecord>
            render={(r) => (r.retracted ? <Chip color="secondary" label={translate('console.common.fields.retracted')} /> : null)}
          />
          <Labeled label="resources.events.fields.participants">
            <ArrayField source="participantList">
              <SingleFieldList linkType={false}>
                <FunctionField<EventRecord['participantList'][number]>
                  render={(p) =>
                    p.entity ? (
                      <Chip component="a" clickable href={`#/entities/${p.entity.id}/show`} label={`${p.entity.name} (${label(p.role)})`} />
                    ) : (
                      <Chip
                        variant="outlined"
                        label={translate('console.events.show.labelParticipant', { label: p.label, role: label(p.role) })}
                      />
                    )
                  }
                />
              </SingleFieldList>
            </ArrayField>
          </Labeled>
          <Labeled label="console.events.show.claims" fullWidth>
            <ArrayField source="claimList">
              <Datagrid body={FocusableRows} rowClick={(_id, _resource, claim) => `/claims/${claim.id}/show`} bulkActionButtons={false}>
                <TextField source="text" label="resources.claims.fields.text" />
                <TextField source="claimantName" label="resources.claims.fields.claimantName" />
                <StatusField source="status" label="resources.claims.fields.status" />
              </Datagrid>
            </ArrayField>
          </Labeled>
          <Labeled label="console.common.fields.evidence">
            <EvidenceList />
          </Labeled>
          <Labeled label="console.common.fields.review">
            <ReviewSteps />
          </Labeled>
          <RecordReview />
        </TabbedShowLayout.Tab>
        {historyAndNotesTabs()}
      </TabbedShowLayout>
    </Show>
  );
}
