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
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { DownloadReceiptButton } from '../audit/DownloadReceiptButton';
import { readableActor } from '../common/actors';
import { EvidenceList, ReviewSteps } from '../common/EvidenceList';
import { RecordActions } from '../common/RecordActions';
import { historyAndNotesTabs } from '../common/RecordTabs';
import { ReReviewNotice } from '../common/ReReviewNotice';
import { StatusField } from '../common/status';
import { useVocabulary } from '../common/vocabulary';
import type { ClaimRecord } from '../providers/resources';
import { useApi } from '../providers/useApi';
import { RecordReview } from '../review/RecordReview';

function ClaimTitle() {
  const record = useRecordContext();
  const translate = useTranslate();
  return <span>{translate('console.claims.show.title', { text: record ? `“${String(record.text).slice(0, 60)}”` : '' })}</span>;
}

/** Who recorded the claim: the author of its first revision, a person or a run. */
function RecordedBy() {
  const record = useRecordContext<ClaimRecord>();
  const api = useApi();
  const translate = useTranslate();
  const history = useQuery({
    queryKey: ['revisions', 'CLAIM', record?.id, record?.version],
    queryFn: () => api.revisions({ recordType: 'CLAIM', recordId: record!.id }),
    enabled: Boolean(record),
  });
  const first = history.data?.[0];
  return <span data-testid="recorded-by">{first ? readableActor(first.actorName, translate) : '…'}</span>;
}

/** The grade with what it means on its scale: "2" alone says nothing to a reader. */
function Credibility({ grade }: { grade: number | null | undefined }) {
  const translate = useTranslate();
  return (
    <span data-testid="credibility">
      {grade
        ? translate('console.claims.show.credibility', { grade: translate(`console.common.credibility.${grade}`, { _: String(grade) }) })
        : translate('console.claims.show.notGraded')}
    </span>
  );
}

export function ClaimShow() {
  const translate = useTranslate();
  const label = useVocabulary();
  const [locale] = useLocaleState();
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
        <TabbedShowLayout.Tab label="console.claims.show.tab">
          <ReReviewNotice />
          <Typography variant="h6" component="p" sx={{ fontFamily: 'Georgia, serif' }}>
            <TextField source="text" variant="inherit" />
          </Typography>
          <Stack direction="row" spacing={4} flexWrap="wrap" useFlexGap>
            <Labeled label="resources.claims.fields.status">
              <StatusField />
            </Labeled>
            <Labeled label="resources.claims.fields.claimantName">
              <FunctionField<ClaimRecord>
                render={(r) => (r.claimant ? <ReferenceField source="claimantId" reference="entities" link="show" /> : r.claimantName)}
              />
            </Labeled>
            <Labeled label="resources.claims.fields.attribution">
              <FunctionField<ClaimRecord> render={(r) => label(r.attribution)} />
            </Labeled>
            <Labeled label="resources.claims.fields.modality">
              <FunctionField<ClaimRecord> render={(r) => label(r.modality)} />
            </Labeled>
            <Labeled label="resources.claims.fields.credibility">
              <FunctionField<ClaimRecord> render={(r) => <Credibility grade={r.credibility} />} />
            </Labeled>
            <Labeled label="resources.claims.fields.rank">
              <FunctionField<ClaimRecord> render={(r) => label(r.rank)} />
            </Labeled>
            <Labeled label="resources.claims.fields.createdAt">
              <DateField source="createdAt" showTime locales={locale} />
            </Labeled>
            <Labeled label="console.claims.show.recordedBy">
              <RecordedBy />
            </Labeled>
            <Labeled label="console.common.fields.version">
              <TextField source="version" />
            </Labeled>
          </Stack>
          <FunctionField<ClaimRecord>
            render={(r) => (r.retracted ? <Chip color="secondary" label={translate('console.common.fields.retracted')} /> : null)}
          />
          <FunctionField<ClaimRecord>
            render={(r) =>
              r.deletedAt ? (
                <Chip color="error" label={translate('console.common.fields.deleted', { reason: r.deleteReason ?? '' })} />
              ) : null
            }
          />
          <Labeled label="console.claims.form.events">
            <ArrayField source="eventList">
              <SingleFieldList linkType={false}>
                <FunctionField<ClaimRecord['eventList'][number]>
                  render={(e) => <Chip component="a" clickable href={`#/events/${e.id}/show`} label={e.title} />}
                />
              </SingleFieldList>
            </ArrayField>
          </Labeled>
          <Labeled label="console.claims.form.entities">
            <ArrayField source="entityList">
              <SingleFieldList linkType={false}>
                <FunctionField<ClaimRecord['entityList'][number]>
                  render={(e) => <Chip component="a" clickable href={`#/entities/${e.id}/show`} label={e.name} />}
                />
              </SingleFieldList>
            </ArrayField>
          </Labeled>
          <Labeled label="console.claims.form.links">
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
          <Labeled label="console.common.fields.evidence">
            <EvidenceList />
          </Labeled>
          <Labeled label="console.common.fields.review">
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
