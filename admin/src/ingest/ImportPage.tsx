import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  LinearProgress,
  Link as MuiLink,
  MenuItem,
  Stack,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useState } from 'react';
import { Link, Title } from 'react-admin';

import { SOURCE_KINDS } from '../common/choices';
import type { DatePrecision, ImportFormat as Format, ImportSourceMutation, PublicationDateBasis, SourceKind } from '../gql/graphql';
import { useApi } from '../providers/useApi';
import { BatchProgress } from './BatchProgress';

type Report = ImportSourceMutation['importSource'];

interface Outcome {
  name: string;
  report?: Report;
  error?: string;
}

/** "2022", "2022-09" or "2022-09-14": the date and the precision it is known to. */
function publication(raw: string): { publishedAt: string; publishedPrecision: DatePrecision } | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(raw.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  return { publishedAt: `${year}-${month ?? '01'}-${day ?? '01'}`, publishedPrecision: day ? 'DAY' : month ? 'MONTH' : 'YEAR' };
}

/**
 * Paste a text, imported at once with its full report, or upload files, imported as a batch of jobs on the server
 * whose progress the page follows: each becomes a source, with its duplicates flagged and drafts proposed for editors.
 */
export default function ImportPage() {
  const api = useApi();
  const [tab, setTab] = useState(0);
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<Format>('TEXT');
  const [title, setTitle] = useState('');
  const [published, setPublished] = useState('');
  const [basis, setBasis] = useState<PublicationDateBasis>('STATED');
  const [language, setLanguage] = useState('en');
  const [kind, setKind] = useState<SourceKind>('NEWS_ARTICLE');
  const [files, setFiles] = useState<File[]>([]);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState(0);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [batchError, setBatchError] = useState<string | null>(null);
  const batchSettled = useCallback(() => setRunning(false), []);
  const date = published.trim() ? publication(published) : null;
  const badDate = published.trim() !== '' && date === null;

  const importOne = async (name: string, body: string, bodyFormat: Format, bodyTitle: string | null): Promise<Outcome> => {
    try {
      const report = await api.importSource({
        format: bodyFormat,
        content: body,
        fileName: name,
        title: bodyTitle,
        language,
        kind,
        ...(date ? { ...date, publishedBasis: basis } : {}),
      });
      return { name, report };
    } catch (error) {
      return { name, error: (error as Error).message };
    }
  };

  const run = async () => {
    setRunning(true);
    setOutcomes([]);
    setDone(0);
    setBatchId(null);
    setBatchError(null);
    if (tab === 1) {
      // Files go as one batch, a job per file on the server: it goes on if this page is closed, and a retry never imports one twice.
      try {
        const contents = await Promise.all(files.map(async (file) => ({ fileName: file.name, content: await file.text() })));
        setBatchId(await api.startImportBatch({ files: contents, language, kind, ...(date ? { ...date, publishedBasis: basis } : {}) }));
      } catch (error) {
        setBatchError((error as Error).message);
        setRunning(false);
      }
      return;
    }
    const outcome = await importOne('pasted text', content, format, title.trim() || null);
    setOutcomes([outcome]);
    setDone(1);
    setRunning(false);
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 1000 }} data-testid="import-page">
      <Title title="Import" />
      <Card variant="outlined">
        <CardHeader
          title="Import a source"
          subheader="The text is stored as published; page furniture and repeats are marked, duplicates flagged, and draft claims and events proposed for you to accept, merge or discard."
        />
        <CardContent>
          <Tabs value={tab} onChange={(_, value) => setTab(value)} sx={{ mb: 2 }}>
            <Tab label="Paste" />
            <Tab label="Upload files" />
          </Tabs>
          <Stack spacing={2}>
            {tab === 0 ? (
              <>
                <Stack direction="row" spacing={2}>
                  <TextField
                    select
                    label="Written as"
                    value={format}
                    onChange={(e) => setFormat(e.target.value as Format)}
                    sx={{ minWidth: 160 }}
                  >
                    <MenuItem value="TEXT">Plain text</MenuItem>
                    <MenuItem value="HTML">HTML page</MenuItem>
                    <MenuItem value="MARKDOWN">Markdown</MenuItem>
                  </TextField>
                  <TextField
                    label="Title (optional: the document's own otherwise)"
                    value={title}
                    onChange={(e) => setTitle(e.target.value)}
                    fullWidth
                  />
                </Stack>
                <TextField
                  label="The document"
                  value={content}
                  onChange={(e) => setContent(e.target.value)}
                  multiline
                  minRows={10}
                  fullWidth
                  inputProps={{ 'data-testid': 'import-content' }}
                />
              </>
            ) : (
              <Box>
                <Button variant="outlined" component="label">
                  Choose files (.txt, .html, .md)
                  <input
                    hidden
                    multiple
                    type="file"
                    accept=".txt,.text,.html,.htm,.md,.markdown"
                    data-testid="import-files"
                    onChange={(e) => setFiles([...(e.target.files ?? [])])}
                  />
                </Button>
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {files.length === 0
                    ? 'No file chosen.'
                    : `${files.length} file${files.length === 1 ? '' : 's'}: ${files.map((f) => f.name).join(', ')}`}
                </Typography>
              </Box>
            )}
            <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
              <TextField
                label="Published (YYYY, YYYY-MM or YYYY-MM-DD)"
                value={published}
                onChange={(e) => setPublished(e.target.value)}
                error={badDate}
                helperText={badDate ? 'Write 2022, 2022-09 or 2022-09-14' : 'Relative dates (“last week”) are resolved against it'}
                sx={{ minWidth: 300 }}
              />
              <TextField
                select
                label="How the date is known"
                value={basis}
                onChange={(e) => setBasis(e.target.value as PublicationDateBasis)}
                disabled={!date}
                sx={{ minWidth: 220 }}
              >
                <MenuItem value="STATED">Stated in the source</MenuItem>
                <MenuItem value="INFERRED_FROM_CONTENT">Inferred from its content</MenuItem>
              </TextField>
              <TextField
                label="Language"
                value={language}
                onChange={(e) => setLanguage(e.target.value)}
                sx={{ width: 120, flexShrink: 0 }}
              />
              <TextField select label="Kind" value={kind} onChange={(e) => setKind(e.target.value as SourceKind)} sx={{ minWidth: 200 }}>
                {SOURCE_KINDS.map((choice) => (
                  <MenuItem key={choice.id} value={choice.id}>
                    {choice.name}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Box>
              <Button variant="contained" disabled={running || badDate || (tab === 0 ? !content.trim() : files.length === 0)} onClick={run}>
                Import
              </Button>
            </Box>
            {tab === 0 && (running || outcomes.length > 0) ? (
              <Box>
                <LinearProgress variant="determinate" value={done * 100} aria-label="Import progress" />
                <Typography variant="caption">{done} of 1 imported</Typography>
              </Box>
            ) : null}
            {tab === 1 && batchError ? <Alert severity="error">The batch was not started: {batchError}</Alert> : null}
            {tab === 1 && batchId ? <BatchProgress batchId={batchId} onSettled={batchSettled} /> : null}
          </Stack>
        </CardContent>
      </Card>
      <Stack spacing={2} sx={{ mt: 2 }}>
        {outcomes.map((outcome, i) => (
          <OutcomeCard key={i} outcome={outcome} />
        ))}
      </Stack>
    </Box>
  );
}

function OutcomeCard({ outcome }: { outcome: Outcome }) {
  if (outcome.error)
    return (
      <Alert severity="error">
        {outcome.name}: not imported. {outcome.error}
      </Alert>
    );
  const report = outcome.report!;
  return (
    <Card variant="outlined" data-testid="import-report">
      <CardHeader
        title={
          <MuiLink component={Link} to={`/sources/${report.source.id}/show`}>
            {report.source.title}
          </MuiLink>
        }
        subheader={outcome.name}
      />
      <CardContent>
        <Stack spacing={1}>
          {report.duplicates.map((duplicate) => (
            <Alert key={duplicate.source.id} severity="warning">
              Repeats{' '}
              <MuiLink component={Link} to={`/sources/${duplicate.source.id}/show`}>
                {duplicate.source.title}
              </MuiLink>{' '}
              ({Math.round(duplicate.similarity * 100)}% of its passages). Both are kept: delete one, with that reason, if it is a
              re-publication.
            </Alert>
          ))}
          {report.repeatedParagraphs > 0 ? (
            <Alert severity="info">
              {report.repeatedParagraphs} paragraph{report.repeatedParagraphs === 1 ? ' is' : 's are'} printed twice: marked in the reader,
              nothing proposed from the repeat.
            </Alert>
          ) : null}
          <Typography>
            <MuiLink component={Link} to={`/proposals?source=${report.source.id}`}>
              {report.claimsProposed} claims and {report.eventsProposed} events proposed
            </MuiLink>
            , waiting for you to accept, merge or discard them.
          </Typography>
          {report.claimsCorroborating + report.eventsCorroborating > 0 ? (
            <Alert severity="success" data-testid="import-corroborations">
              {report.claimsCorroborating} of the claims say again what stored claims say, and {report.eventsCorroborating} of the events
              tell again stored ones: each is offered as evidence for the stored record.
            </Alert>
          ) : null}
          {report.source.reprintOf ? (
            <Alert severity="info">
              A reprint of{' '}
              <MuiLink component={Link} to={`/sources/${report.source.reprintOf.id}/show`}>
                {report.source.reprintOf.title}
              </MuiLink>
              : {report.folded} of its proposals joined that copy&apos;s as evidence instead of being proposed twice.
            </Alert>
          ) : null}
          {report.source.storySources.length > 0 ? (
            <Typography variant="body2" data-testid="import-story">
              Same story as {report.source.storySources.map((other) => `“${other.title}”`).join(', ')}.
            </Typography>
          ) : null}
          {report.newNames.length > 0 ? (
            <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap alignItems="center">
              <Typography variant="body2">New names:</Typography>
              {report.newNames.map((name) => (
                <Chip key={name} size="small" label={name} />
              ))}
            </Stack>
          ) : null}
          <Typography variant="caption" color="text.secondary">
            Cleaning: {report.steps.join('; ')}.
          </Typography>
        </Stack>
      </CardContent>
    </Card>
  );
}
