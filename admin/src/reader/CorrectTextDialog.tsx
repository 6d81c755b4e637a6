import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link as MuiLink,
  List,
  ListItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link, useTranslate } from 'react-admin';

import { StatusChip } from '../common/status';
import { useVocabulary } from '../common/vocabulary';
import type { CorrectSourceTextMutation } from '../gql/graphql';
import { useApi } from '../providers/useApi';

type Report = CorrectSourceTextMutation['correctSourceText'];
type Reopened = Report['reopened'][number];

const pathOf = (record: Reopened) => (record.__typename === 'Claim' ? `/claims/${record.id}/show` : `/events/${record.id}/show`);
const nameOf = (record: Reopened) => (record.__typename === 'Claim' ? record.text : record.title);

/** What a correction does, or would do: where each quote lands, and which judged records go back to review. */
function ReanchorReport({ report }: { report: Report }) {
  const translate = useTranslate();
  const label = useVocabulary();
  const tense = report.preview ? 'preview' : 'saved';
  return (
    <Stack spacing={2} data-testid={report.preview ? 'reanchor-preview' : 'reanchor-report'}>
      <Typography>
        {translate(`console.reader.report.${tense}.counts`, {
          anchored: report.anchored,
          fuzzy: report.fuzzy,
          orphaned: report.orphaned,
          notes: report.annotationsMoved,
        })}
      </Typography>
      {report.reopened.length > 0 ? (
        <Alert severity="warning" data-testid="reopened">
          {translate(`console.reader.report.${tense}.reopened`)}
          <List dense disablePadding>
            {report.reopened.map((record) => (
              <ListItem key={record.id} disableGutters data-still-published={record.reReview ? 'true' : 'false'}>
                <MuiLink component={Link} to={pathOf(record)}>
                  {translate(record.__typename === 'Claim' ? 'console.reader.report.claim' : 'console.reader.report.event', {
                    name: nameOf(record).slice(0, 80),
                  })}
                </MuiLink>
                {record.reReview ? translate('console.reader.report.stillPublished') : ''}
              </ListItem>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert severity="success">{translate(`console.reader.report.${tense}.noneReopened`)}</Alert>
      )}
      {!report.preview && report.fuzzy + report.orphaned > 0 ? (
        <Alert severity="info">{translate('console.reader.report.confirmFuzzy')}</Alert>
      ) : null}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('console.reader.report.result')}</TableCell>
            <TableCell>{translate('console.reader.report.record')}</TableCell>
            <TableCell>{translate('console.reader.report.before')}</TableCell>
            <TableCell>{translate('console.reader.report.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...report.changes]
            .sort((a, b) => (a.status === 'ANCHORED' ? 1 : 0) - (b.status === 'ANCHORED' ? 1 : 0))
            .map((change) => {
              const record = change.evidence.claim
                ? { path: `/claims/${change.evidence.claim.id}/show`, text: change.evidence.claim.text }
                : change.evidence.event
                  ? { path: `/events/${change.evidence.event.id}/show`, text: change.evidence.event.title }
                  : null;
              return (
                <TableRow key={change.evidence.id} data-status={change.status}>
                  <TableCell>
                    <StatusChip status={change.status} />
                    <Typography variant="caption" display="block">
                      {change.method ? label(change.method) : ''}
                      {change.similarity !== null
                        ? translate('console.reader.report.alike', { percent: Math.round(change.similarity * 100) })
                        : ''}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    {record ? (
                      <MuiLink component={Link} to={record.path}>
                        {record.text.slice(0, 60)}
                      </MuiLink>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell>
                    “{change.before.exact}” @{change.before.start}
                  </TableCell>
                  <TableCell>
                    {change.after ? `“${change.after.exact}” @${change.after.start}` : translate('console.reader.report.notFound')}
                  </TableCell>
                </TableRow>
              );
            })}
        </TableBody>
      </Table>
    </Stack>
  );
}

/**
 * Corrects the text as a new snapshot. The editor first sees what saving would do (the server runs the very
 * correction and rolls it back), then saves; every quote is re-anchored and the report says which need an editor.
 */
export function CorrectTextDialog({
  source,
  onClose,
  onDone,
}: {
  source: { id: string; version: number; currentRevision: { text: string } };
  onClose: () => void;
  onDone: () => void;
}) {
  const api = useApi();
  const translate = useTranslate();
  const [text, setText] = useState(source.currentRevision.text);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);

  const run = async (preview: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.correctSourceText({ id: source.id, expectedVersion: source.version, text, reason, preview }));
      if (!preview) onDone();
    } catch (e) {
      setError((e as Error).message);
      setReport(null);
    } finally {
      setBusy(false);
    }
  };

  const saved = report !== null && !report.preview;
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth>
      <DialogTitle>
        {saved
          ? translate('console.reader.correct.savedTitle', { number: report.revision.number })
          : report
            ? translate('console.reader.correct.previewTitle')
            : translate('console.reader.correct.open')}
      </DialogTitle>
      <DialogContent>
        {report ? (
          <ReanchorReport report={report} />
        ) : (
          <Stack spacing={2}>
            <Typography variant="body2">{translate('console.reader.correct.explanation')}</Typography>
            <TextField
              label={translate('console.reader.correct.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              fullWidth
            />
            <TextField
              label={translate('console.reader.correct.text')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              multiline
              minRows={14}
              fullWidth
              inputProps={{ style: { fontFamily: 'Georgia, serif' } }}
            />
          </Stack>
        )}
        {error ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        {saved ? (
          <Button onClick={onClose}>{translate('ra.action.close')}</Button>
        ) : report ? (
          <>
            <Button onClick={() => setReport(null)}>{translate('console.reader.correct.back')}</Button>
            <Button variant="contained" disabled={busy} onClick={() => run(false)}>
              {translate('console.reader.correct.save')}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
            <Button variant="contained" disabled={busy || !reason.trim() || text === source.currentRevision.text} onClick={() => run(true)}>
              {translate('console.reader.correct.preview')}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
