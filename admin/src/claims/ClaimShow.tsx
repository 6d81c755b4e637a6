import { Chip, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  ArrayField,
  ChipField,
  DateField,
  FunctionField,
  Labeled,
  ReferenceField,
  Show,
  SingleFieldList,
  TabbedShowLayout,
  TextField,
  useRecordContext,
} from 'react-admin';

import { DownloadReceiptButton } from '../audit/DownloadReceiptButton';
import { readableActor } from '../common/actors';
import { CREDIBILITIES, label } from '../common/choices';
import { EvidenceList, ReviewSteps } from '../common/EvidenceList';
import { RecordActions } from '../common/RecordActions';
import { historyAndNotesTabs } from '../common/RecordTabs';
import { ReReviewNotice } from '../common/ReReviewNotice';
import { StatusField } from '../common/status';
import type { ClaimRecord } from '../providers/resources';
import { useApi } from '../providers/useApi';
import { RecordReview } from '../review/RecordReview';

function ClaimTitle() {
  const record = useRecordContext();
  return <span>Claim: {record ? `“${String(record.text).slice(0, 60)}”` : ''}</span>;
}

/** Who recorded the claim: the author of its first revision, a person or a run. */
function RecordedBy() {
  const record = useRecordContext<ClaimRecord>();
  const api = useApi();
  const history = useQuery({
    queryKey: ['revisions', 'CLAIM', record?.id, record?.version],
    queryFn: () => api.revisions({ recordType: 'CLAIM', recordId: record!.id }),
    enabled: Boolean(record),
  });
  const first = history.data?.[0];
  return <span data-testid="recorded-by">{first ? readableActor(first.actorName) : '…'}</span>;
}

/** The grade with what it means on its scale: "2" alone says nothing to a reader. */
const credibilityOf = (grade: number | null | undefined) =>
  grade ? `${CREDIBILITIES.find((c) => c.id === grade)?.name ?? grade} (Admiralty scale: 1 confirmed … 6 cannot be judged)` : 'not graded';

export function ClaimShow() {
  return (
    <Show
      title={<ClaimTitle />}
      actions={
        <RecordActions>
          <DownloadReceiptButton />
        </RecordActions>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Claim">
          <ReReviewNotice />
          <Typography variant="h6" component="p" sx={{ fontFamily: 'Georgia, serif' }}>
            <TextField source="text" variant="inherit" />
          </Typography>
          <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
            <Labeled label="Status">
              <StatusField />
            </Labeled>
            <Labeled label="Claimant">
              <FunctionField<ClaimRecord>
                render={(r) => (r.claimant ? <ReferenceField source="claimantId" reference="entities" link="show" /> : r.claimantName)}
              />
            </Labeled>
            <Labeled label="Attribution">
              <FunctionField<ClaimRecord> render={(r) => label(r.attribution)} />
            </Labeled>
            <Labeled label="Modality">
              <FunctionField<ClaimRecord> render={(r) => label(r.modality)} />
            </Labeled>
            <Labeled label="Credibility">
              <FunctionField<ClaimRecord> render={(r) => <span data-testid="credibility">{credibilityOf(r.credibility)}</span>} />
            </Labeled>
            <Labeled label="Rank">
              <FunctionField<ClaimRecord> render={(r) => label(r.rank)} />
            </Labeled>
            <Labeled label="Recorded">
              <DateField source="createdAt" showTime />
            </Labeled>
            <Labeled label="Recorded by">
              <RecordedBy />
            </Labeled>
            <Labeled label="Version">
              <TextField source="version" />
            </Labeled>
          </Stack>
          <FunctionField<ClaimRecord>
            render={(r) => (r.retracted ? <Chip color="secondary" label="Retracted: do not rely on it" /> : null)}
          />
          <FunctionField<ClaimRecord>
            render={(r) => (r.deletedAt ? <Chip color="error" label={`Deleted: ${r.deleteReason ?? ''}`} /> : null)}
          />
          <Labeled label="About events">
            <ArrayField source="eventList">
              <SingleFieldList linkType={false}>
                <FunctionField<ClaimRecord['eventList'][number]>
                  render={(e) => <Chip component="a" clickable href={`#/events/${e.id}/show`} label={e.title} />}
                />
              </SingleFieldList>
            </ArrayField>
          </Labeled>
          <Labeled label="About entities">
            <ArrayField source="entityList">
              <SingleFieldList linkType={false}>
                <FunctionField<ClaimRecord['entityList'][number]>
                  render={(e) => <Chip component="a" clickable href={`#/entities/${e.id}/show`} label={e.name} />}
                />
              </SingleFieldList>
            </ArrayField>
          </Labeled>
          <Labeled label="Links to other claims">
            <ArrayField source="linkList">
              <SingleFieldList linkType={false}>
                <FunctionField<ClaimRecord['linkList'][number]>
                  render={(l) => (
                    <Chip
                      component="a"
                      clickable
                      href={`#/claims/${l.claim.id}/show`}
                      label={`${label(l.type)}: ${l.claim.text.slice(0, 50)}`}
                    />
                  )}
                />
              </SingleFieldList>
            </ArrayField>
          </Labeled>
          <Labeled label="Evidence">
            <EvidenceList />
          </Labeled>
          <Labeled label="Review">
            <ReviewSteps />
          </Labeled>
          <RecordReview />
          <ChipField source="id" variant="outlined" size="small" />
        </TabbedShowLayout.Tab>
        {historyAndNotesTabs()}
      </TabbedShowLayout>
    </Show>
  );
}
