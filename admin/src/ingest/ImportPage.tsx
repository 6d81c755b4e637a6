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
import { Link, Title, useTranslate } from 'react-admin';

import type { DatePrecision, ImportFormat as Format, ImportSourceMutation, PublicationDateBasis, SourceKind } from '../gql/graphql';
import { useApi } from '../providers/useApi';
import { SOURCE_KIND_CHOICES } from '../sources/choices';
import { BatchProgress } from './BatchProgress';
import { ProposedCounts } from './ProposedCounts';

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
  const translate = useTranslate();
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
    const outcome = await importOne(translate('console.ingest.import.pastedText'), content, format, title.trim() || null);
    setOutcomes([outcome]);
    setDone(1);
    setRunning(false);
  };

  return (
    <Box sx={{ mt: 2, maxWidth: 1000 }} data-testid="import-page">
      <Title title="console.ingest.import.title" />
      <Card variant="outlined">
        <CardHeader title={translate('console.ingest.import.heading')} subheader={translate('console.ingest.import.explanation')} />
        <CardContent>
          <Tabs value={tab} onChange={(_, value) => setTab(value)} sx={{ mb: 2 }}>
            <Tab label={translate('console.ingest.import.paste')} />
            <Tab label={translate('console.ingest.import.upload')} />
          </Tabs>
          <Stack spacing={2}>
            {tab === 0 ? (
              <>
                <Stack direction="row" spacing={2}>
                  <TextField
                    select
                    label={translate('console.ingest.import.writtenAs')}
                    value={format}
                    onChange={(e) => setFormat(e.target.value as Format)}
                    sx={{ minWidth: 160 }}
                  >
                    {(['TEXT', 'HTML', 'MARKDOWN'] as const).map((written) => (
                      <MenuItem key={written} value={written}>
                        {translate(`console.ingest.import.formats.${written}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField
                    label={translate('console.ingest.import.documentTitle')}
                    value={title}
                    onChange={(e) => setTitle(e.target.value)}
                    fullWidth
                  />
                </Stack>
                <TextField
                  label={translate('console.ingest.import.document')}
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
                  {translate('console.ingest.import.chooseFiles')}
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
                    ? translate('console.ingest.import.noFile')
                    : translate('console.ingest.import.files', { smart_count: files.length, names: files.map((f) => f.name).join(', ') })}
                </Typography>
              </Box>
            )}
            <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
              <TextField
                label={translate('console.ingest.import.published')}
                value={published}
                onChange={(e) => setPublished(e.target.value)}
                error={badDate}
                helperText={translate(badDate ? 'console.ingest.import.badDate' : 'console.ingest.import.dateHelp')}
                sx={{ minWidth: 300 }}
              />
              <TextField
                select
                label={translate('console.ingest.import.basis')}
                value={basis}
                onChange={(e) => setBasis(e.target.value as PublicationDateBasis)}
                disabled={!date}
                sx={{ minWidth: 220 }}
              >
                {(['STATED', 'INFERRED_FROM_CONTENT'] as const).map((known) => (
                  <MenuItem key={known} value={known}>
                    {translate(`console.sources.bases.${known}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label={translate('console.ingest.import.language')}
                value={language}
                onChange={(e) => setLanguage(e.target.value)}
                sx={{ width: 120, flexShrink: 0 }}
              />
              <TextField
                select
                label={translate('console.ingest.import.kind')}
                value={kind}
                onChange={(e) => setKind(e.target.value as SourceKind)}
                sx={{ minWidth: 200 }}
              >
                {SOURCE_KIND_CHOICES.map((choice) => (
                  <MenuItem key={choice.id} value={choice.id}>
                    {translate(choice.name)}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Box>
              <Button variant="contained" disabled={running || badDate || (tab === 0 ? !content.trim() : files.length === 0)} onClick={run}>
                {translate('console.ingest.import.import')}
              </Button>
            </Box>
            {tab === 0 && (running || outcomes.length > 0) ? (
              <Box>
                <LinearProgress variant="determinate" value={done * 100} aria-label={translate('console.ingest.progress')} />
                <Typography variant="caption">{translate('console.ingest.import.oneImported', { done })}</Typography>
              </Box>
            ) : null}
            {tab === 1 && batchError ? (
              <Alert severity="error">{translate('console.ingest.import.batchNotStarted', { error: batchError })}</Alert>
            ) : null}
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
  const translate = useTranslate();
  if (outcome.error)
    return <Alert severity="error">{translate('console.ingest.import.notImported', { name: outcome.name, error: outcome.error })}</Alert>;
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
              {translate('console.ingest.import.repeats')}{' '}
              <MuiLink component={Link} to={`/sources/${duplicate.source.id}/show`}>
                {duplicate.source.title}
              </MuiLink>{' '}
              {translate('console.ingest.import.repeatsDetail', { percent: Math.round(duplicate.similarity * 100) })}
            </Alert>
          ))}
          {report.repeatedParagraphs > 0 ? (
            <Alert severity="info">
              {translate('console.ingest.import.repeatedParagraphs', { smart_count: report.repeatedParagraphs })}
            </Alert>
          ) : null}
          <Typography>
            <MuiLink component={Link} to={`/proposals?source=${report.source.id}`}>
              <ProposedCounts claims={report.claimsProposed} events={report.eventsProposed} />
            </MuiLink>
            {translate('console.ingest.import.waitingForYou')}
          </Typography>
          {report.claimsCorroborating + report.eventsCorroborating > 0 ? (
            <Alert severity="success" data-testid="import-corroborations">
              {translate('console.ingest.import.corroborating', { claims: report.claimsCorroborating, events: report.eventsCorroborating })}
            </Alert>
          ) : null}
          {report.source.reprintOf ? (
            <Alert severity="info">
              {translate('console.ingest.import.reprintOf')}{' '}
              <MuiLink component={Link} to={`/sources/${report.source.reprintOf.id}/show`}>
                {report.source.reprintOf.title}
              </MuiLink>
              {translate('console.ingest.import.folded', { folded: report.folded })}
            </Alert>
          ) : null}
          {report.source.storySources.length > 0 ? (
            <Typography variant="body2" data-testid="import-story">
              {translate('console.ingest.import.sameStory', {
                titles: report.source.storySources.map((other) => translate('console.ingest.quoted', { title: other.title })).join(', '),
              })}
            </Typography>
          ) : null}
          {report.newNames.length > 0 ? (
            <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap alignItems="center">
              <Typography variant="body2">{translate('console.ingest.import.newNames')}</Typography>
              {report.newNames.map((name) => (
                <Chip key={name} size="small" label={name} />
              ))}
            </Stack>
          ) : null}
          <Typography variant="caption" color="text.secondary">
            {translate('console.ingest.import.cleaning', { steps: report.steps.join('; ') })}
          </Typography>
        </Stack>
      </CardContent>
    </Card>
  );
}
