import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-admin';
import { label } from '../common/choices';
import { StatusChip } from '../common/status';
import { graphql } from '../providers/graphql';

interface Report {
  anchored: number;
  fuzzy: number;
  orphaned: number;
  annotationsMoved: number;
  revision: { number: number };
  changes: Array<{
    status: string;
    method: string | null;
    similarity: number | null;
    before: { exact: string; start: number };
    after: { exact: string; start: number } | null;
    evidence: { id: string; claim: { id: string; text: string } | null; event: { id: string; title: string } | null };
  }>;
}

const CORRECT = `mutation Correct($input: CorrectSourceTextInput!) {
  correctSourceText(input: $input) {
    anchored fuzzy orphaned annotationsMoved revision { number }
    changes { status method similarity before { exact start } after { exact start } evidence { id claim { id text } event { id title } } }
  }
}`;

/** Corrects the text as a new snapshot; every quote is re-anchored and the report says which need an editor. */
export function CorrectTextDialog({ source, onClose, onDone }: { source: { id: string; version: number; currentRevision: { text: string } }; onClose: () => void; onDone: () => void }) {
  const [text, setText] = useState(source.currentRevision.text);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await graphql<{ correctSourceText: Report }>(CORRECT, { input: { id: source.id, expectedVersion: source.version, text, reason } });
      setReport(data.correctSourceText);
      onDone();
    } catch (e: any) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth>
      <DialogTitle>{report ? `Text v${report.revision.number} saved: re-anchoring report` : 'Correct the text'}</DialogTitle>
      <DialogContent>
        {report ? (
          <Stack spacing={2} data-testid="reanchor-report">
            <Typography>
              {report.anchored} quotes anchored, {report.fuzzy} fuzzy, {report.orphaned} orphaned; {report.annotationsMoved} notes on the text moved with their words.
            </Typography>
            {report.fuzzy + report.orphaned > 0 ? (
              <Alert severity="warning">Fuzzy and orphaned evidence sends its claim or event back to review. Confirm or select each again in the reader’s “Evidence to confirm” panel.</Alert>
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
                {[...report.changes].sort((a, b) => (a.status === 'ANCHORED' ? 1 : 0) - (b.status === 'ANCHORED' ? 1 : 0)).map((change) => {
                  const record = change.evidence.claim ? { path: `/claims/${change.evidence.claim.id}/show`, text: change.evidence.claim.text } : change.evidence.event ? { path: `/events/${change.evidence.event.id}/show`, text: change.evidence.event.title } : null;
                  return (
                    <TableRow key={change.evidence.id} data-status={change.status}>
                      <TableCell>
                        <StatusChip status={change.status} />
                        <Typography variant="caption" display="block">
                          {change.method ? label(change.method) : ''}
                          {change.similarity !== null ? ` ${Math.round(change.similarity * 100)}% alike` : ''}
                        </Typography>
                      </TableCell>
                      <TableCell>{record ? <MuiLink component={Link} to={record.path}>{record.text.slice(0, 60)}</MuiLink> : '—'}</TableCell>
                      <TableCell>“{change.before.exact}” @{change.before.start}</TableCell>
                      <TableCell>{change.after ? `“${change.after.exact}” @${change.after.start}` : 'not found'}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Stack>
        ) : (
          <Stack spacing={2}>
            <Typography variant="body2">
              The corrected text becomes a new snapshot; the old one is kept. Every quote is placed again: where it stood, then by its words and context, then approximately (marked fuzzy); a quote that cannot be found is marked orphaned, never silently moved.
            </Typography>
            <TextField label="What was wrong (kept in the history)" value={reason} onChange={(e) => setReason(e.target.value)} fullWidth />
            <TextField label="Corrected text" value={text} onChange={(e) => setText(e.target.value)} multiline minRows={14} fullWidth inputProps={{ style: { fontFamily: 'Georgia, serif' } }} />
            {error ? <Alert severity="error">{error}</Alert> : null}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{report ? 'Close' : 'Cancel'}</Button>
        {report ? null : (
          <Button variant="contained" disabled={busy || !reason.trim() || text === source.currentRevision.text} onClick={submit}>
            Save the correction
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
