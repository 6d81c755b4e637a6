import { Box, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';

import { useDates } from './dates';
import { QuoteInContext } from './QuoteInContext';
import { StatusChip } from './status';

interface EvidenceRow {
  id: string;
  anchorStatus: string;
  selector: { exact: string; start: number; end: number };
  context: { before: string; exact: string; after: string };
  source: { id: string; title: string };
  sourceRevision: { id: string; number: number };
}

/** The words a record rests on, each in its context, with where it stands and a way into the source. */
export function EvidenceList() {
  const record = useRecordContext();
  const translate = useTranslate();
  const evidence: EvidenceRow[] = record?.evidence ?? [];
  if (evidence.length === 0) return <Typography color="text.secondary">{translate('console.common.evidence.none')}</Typography>;
  return (
    <Stack spacing={1.5} data-testid="evidence-list">
      {evidence.map((row) => (
        <Box key={row.id} sx={{ borderLeft: 3, borderColor: row.anchorStatus === 'ANCHORED' ? 'success.main' : 'warning.main', pl: 1.5 }}>
          <QuoteInContext component="blockquote" sx={{ m: 0 }} {...row.context} />
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 0.5 }}>
            <StatusChip status={row.anchorStatus} />
            <Typography variant="caption">
              <MuiLink component={Link} to={`/sources/${row.source.id}/show?evidence=${row.id}`}>
                {row.source.title}
              </MuiLink>
              {translate('console.common.evidence.where', {
                number: row.sourceRevision.number,
                start: row.selector.start,
                end: row.selector.end,
              })}
            </Typography>
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

export function ReviewSteps() {
  const record = useRecordContext();
  const translate = useTranslate();
  const dates = useDates();
  const steps: Array<{ status: string; comment: string | null; actorName: string; at: string }> = record?.reviews ?? [];
  if (steps.length === 0) return <Typography color="text.secondary">{translate('console.common.evidence.notSent')}</Typography>;
  return (
    <Stack spacing={1}>
      {steps.map((step, i) => (
        <Stack key={i} direction="row" spacing={1} alignItems="center">
          <StatusChip status={step.status} />
          <Typography variant="body2">
            {step.actorName}, {dates.moment(step.at)}
            {step.comment ? `: “${step.comment}”` : ''}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
}
