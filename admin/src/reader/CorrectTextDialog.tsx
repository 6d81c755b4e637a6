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
import { Link } from 'react-admin';

import { label } from '../common/choices';
import { StatusChip } from '../common/status';
import type { CorrectSourceTextMutation } from '../gql/graphql';
import { useApi } from '../providers/useApi';

type Report = CorrectSourceTextMutation['correctSourceText'];
type Reopened = Report['reopened'][number];

const pathOf = (record: Reopened) => (record.__typename === 'Claim' ? `/claims/${record.id}/show` : `/events/${record.id}/show`);
const nameOf = (record: Reopened) => (record.__typename === 'Claim' ? record.text : record.title);

/** What a correction does, or would do: where each quote lands, and which judged records go back to review. */
function ReanchorReport({ report }: { report: Report }) {
  return (
    <Stack spacing={2} data-testid={report.preview ? 'reanchor-preview' : 'reanchor-report'}>
      <Typography>
        {report.preview ? 'Saving would leave ' : ''}
        {report.anchored} quotes anchored, {report.fuzzy} fuzzy, {report.orphaned} orphaned; {report.annotationsMoved} notes on the text{' '}
        {report.preview ? 'would move' : 'moved'} with their words.
      </Typography>
      {report.reopened.length > 0 ? (
        <Alert severity="warning" data-testid="reopened">
          {report.preview ? 'These would go back to the review queue' : 'These went back to the review queue'}, because words they rest on
          changed. A published one stays published: client apps read it as last verified, on the words it was verified on, until a reviewer
          judges it again.
          <List dense disablePadding>
            {report.reopened.map((record) => (
              <ListItem key={record.id} disableGutters data-still-published={record.reReview ? 'true' : 'false'}>
                <MuiLink component={Link} to={pathOf(record)}>
                  {record.__typename === 'Claim' ? 'Claim' : 'Event'}: {nameOf(record).slice(0, 80)}
                </MuiLink>
                {record.reReview ? ' (still published as last verified)' : ''}
              </ListItem>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert severity="success">
          {report.preview ? 'No published or judged record would go back to review.' : 'No published or judged record went back to review.'}
        </Alert>
      )}
      {!report.preview && report.fuzzy + report.orphaned > 0 ? (
        <Alert severity="info">Confirm each fuzzy quote, or select it again, in the reader’s “Evidence to confirm” panel.</Alert>
      ) : null}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>Result</TableCell>
            <TableCell>Record</TableCell>
            <TableCell>Before</TableCell>
            <TableCell>After</TableCell>
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
                      {change.similarity !== null ? ` ${Math.round(change.similarity * 100)}% alike` : ''}
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
                  <TableCell>{change.after ? `“${change.after.exact}” @${change.after.start}` : 'not found'}</TableCell>
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
          ? `Text v${report.revision.number} saved: re-anchoring report`
          : report
            ? 'Before saving: what the correction would do'
            : 'Correct the text'}
      </DialogTitle>
      <DialogContent>
        {report ? (
          <ReanchorReport report={report} />
        ) : (
          <Stack spacing={2}>
            <Typography variant="body2">
              The corrected text becomes a new snapshot; the old one is kept. Every quote is placed again: a quote your edits do not touch
              keeps its words; one they touch is shown as corrected, marked fuzzy for a reviewer; a quote that cannot be found is marked
              orphaned, never silently moved. You see all of it before saving.
            </Typography>
            <TextField label="What was wrong (kept in the history)" value={reason} onChange={(e) => setReason(e.target.value)} fullWidth />
            <TextField
              label="Corrected text"
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
          <Button onClick={onClose}>Close</Button>
        ) : report ? (
          <>
            <Button onClick={() => setReport(null)}>Back to the text</Button>
            <Button variant="contained" disabled={busy} onClick={() => run(false)}>
              Save the correction
            </Button>
          </>
        ) : (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="contained" disabled={busy || !reason.trim() || text === source.currentRevision.text} onClick={() => run(true)}>
              Preview the correction
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
