import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link as MuiLink,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate, useSearchParams } from 'react-router-dom';

import { formatFuzzyDate } from '../common/dates';
import { QuoteInContext } from '../common/QuoteInContext';
import { PROPOSALS_PAGE } from '../providers/operations';
import { useApi } from '../providers/useApi';
import { NewName } from './NewName';

interface Proposal {
  kind: 'claim' | 'event';
  id: string;
  version: number;
  heading: string;
  detail: string;
  /** How worth checking a claim is, 0 to 1, as the import ranked it; the most worth checking come first. */
  worth: number | null;
  /** The stored record it says again, which merging adds its words to. */
  corroborates: { id: string; label: string; raises: string | null } | null;
  evidence: Array<{
    id: string;
    context: { before: string; exact: string; after: string };
    source: { id: string; title: string };
  }>;
}

/** Proposals from sources on one story, read together: a second source's proposals beside the first's. */
interface Story {
  key: string;
  titles: string[];
  items: Proposal[];
}

function storiesOf(items: Proposal[], storySources: ReadonlyMap<string, Array<{ id: string; title: string }>>): Story[] {
  const stories = new Map<string, Story>();
  for (const item of items) {
    const source = item.evidence[0]?.source;
    const members = source ? [source, ...(storySources.get(source.id) ?? [])] : [];
    const key = members
      .map((m) => m.id)
      .sort()
      .join(' ');
    const story = stories.get(key) ?? { key, titles: members.map((m) => m.title), items: [] };
    story.items.push(item);
    stories.set(key, story);
  }
  // Events first, then claims from the most to the least worth checking; boilerplate last.
  const rank = (item: Proposal) => (item.kind === 'event' ? 2 : (item.worth ?? 0));
  for (const story of stories.values()) story.items.sort((a, b) => rank(b) - rank(a));
  return [...stories.values()];
}

/** What imports proposed and no editor has yet accepted, merged or discarded, oldest first; and names to settle. */
export default function ProposalsPage() {
  const [params] = useSearchParams();
  const sourceId = params.get('source');
  const api = useApi();
  const translate = useTranslate();
  const proposals = useQuery({ queryKey: ['proposals', sourceId], queryFn: () => api.proposals(sourceId) });
  const items: Proposal[] = proposals.data
    ? [
        ...proposals.data.events.edges.map(({ node }) => ({
          kind: 'event' as const,
          id: node.id,
          version: node.version,
          heading: node.title,
          detail: [
            node.eventType.label,
            `${formatFuzzyDate(node.start)}${node.timeExpression ? ` (${translate('console.ingest.quoted', { title: node.timeExpression })})` : ''}`,
            translate(`console.common.values.${node.modality}`),
          ].join(' · '),
          worth: null,
          corroborates: node.corroborates
            ? {
                id: node.corroborates.id,
                label: `${node.corroborates.title} (${node.corroborates.start ? formatFuzzyDate(node.corroborates.start) : translate('console.ingest.proposals.undated')})`,
                raises:
                  node.datesMorePrecisely && node.start && node.corroborates.start
                    ? `${formatFuzzyDate(node.corroborates.start)} → ${formatFuzzyDate(node.start)}`
                    : null,
              }
            : null,
          evidence: node.evidence,
        })),
        ...proposals.data.claims.edges.map(({ node }) => ({
          kind: 'claim' as const,
          id: node.id,
          version: node.version,
          heading: node.text,
          detail: [
            node.claimantName,
            translate(`console.common.values.${node.attribution}`),
            translate(`console.common.values.${node.modality}`),
            ...(node.checkWorthiness == null
              ? []
              : [translate('console.ingest.proposals.worth', { percent: Math.round(node.checkWorthiness * 100) })]),
          ].join(' · '),
          worth: node.checkWorthiness ?? null,
          corroborates: node.corroborates ? { id: node.corroborates.id, label: node.corroborates.text, raises: null } : null,
          evidence: node.evidence,
        })),
      ]
    : [];
  const names = (proposals.data?.annotationThreads.edges ?? []).map((e) => e.node).filter((n) => !sourceId || n.targetId === sourceId);
  return (
    <Box sx={{ mt: 2 }} data-testid="proposals-page">
      <Title title="console.ingest.proposals.title" />
      <Typography variant="h5" gutterBottom>
        {translate('console.ingest.proposals.title')}{' '}
        {proposals.data
          ? translate('console.ingest.proposals.counts', {
              claims: translate('console.ingest.claims', { smart_count: proposals.data.claims.totalCount }),
              events: translate('console.ingest.events', { smart_count: proposals.data.events.totalCount }),
            })
          : ''}
      </Typography>
      {sourceId ? (
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('console.ingest.proposals.oneSource')}{' '}
          <MuiLink component={Link} to="/proposals">
            {translate('console.ingest.proposals.allSources')}
          </MuiLink>
        </Typography>
      ) : null}
      <Alert severity="info" sx={{ mb: 2 }}>
        {translate('console.ingest.proposals.explanation')}
      </Alert>
      {proposals.data && (proposals.data.claims.totalCount > PROPOSALS_PAGE || proposals.data.events.totalCount > PROPOSALS_PAGE) ? (
        <Typography variant="body2" sx={{ mb: 2 }} data-testid="proposals-shown">
          {translate('console.ingest.proposals.shown', {
            claimsShown: Math.min(PROPOSALS_PAGE, proposals.data.claims.totalCount),
            claims: proposals.data.claims.totalCount,
            eventsShown: Math.min(PROPOSALS_PAGE, proposals.data.events.totalCount),
            events: proposals.data.events.totalCount,
          })}
        </Typography>
      ) : null}
      {proposals.error ? <Alert severity="error">{(proposals.error as Error).message}</Alert> : null}
      {proposals.data && items.length === 0 ? <Alert severity="success">{translate('console.ingest.proposals.none')}</Alert> : null}
      <Stack spacing={3}>
        {storiesOf(items, proposals.data?.storySources ?? new Map()).map((story) => (
          <Box key={story.key} data-testid="story-group">
            <Typography variant="subtitle1" gutterBottom>
              {translate(story.titles.length > 1 ? 'console.ingest.proposals.oneStory' : 'console.ingest.proposals.from', {
                count: story.titles.length,
                titles: story.titles.map((title) => translate('console.ingest.quoted', { title })).join(' · '),
              })}
            </Typography>
            <Stack spacing={1.5}>
              {story.items.map((item) => (
                <ProposalCard key={item.id} item={item} />
              ))}
            </Stack>
          </Box>
        ))}
      </Stack>
      {names.length > 0 ? (
        <Box sx={{ mt: 3 }}>
          <Typography variant="h6">{translate('console.ingest.proposals.newNames')}</Typography>
          <Stack spacing={1} sx={{ mt: 1 }}>
            {names.map((note) => (
              <NewName key={note.id} note={note} />
            ))}
          </Stack>
        </Box>
      ) : null}
    </Box>
  );
}

function useRefreshProposals() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['proposals'] });
}

function ProposalCard({ item }: { item: Proposal }) {
  const notify = useNotify();
  const translate = useTranslate();
  const navigate = useNavigate();
  const refresh = useRefreshProposals();
  const api = useApi();
  const [merging, setMerging] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const accept = async () => {
    try {
      await api.acceptProposal({ id: item.id, expectedVersion: item.version });
      notify(`console.ingest.proposals.accepted.${item.kind}`, { type: 'success' });
      await refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  const corroborate = async () => {
    try {
      await api.mergeProposal({ id: item.id, expectedVersion: item.version });
      notify(item.corroborates!.raises ? 'console.ingest.proposals.addedEvidencePrecise' : 'console.ingest.proposals.addedEvidence', {
        type: 'success',
        messageArgs: { label: item.corroborates!.label.slice(0, 60) },
      });
      await refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Card variant="outlined" data-testid="proposal" data-kind={item.kind} data-corroborates={item.corroborates ? 'yes' : undefined}>
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center">
          <Chip
            size="small"
            label={translate(`console.ingest.proposals.kinds.${item.kind}`)}
            color={item.kind === 'event' ? 'secondary' : 'default'}
          />
          <MuiLink component={Link} to={`/${item.kind}s/${item.id}/show`} sx={{ fontFamily: 'Georgia, serif' }}>
            {item.heading}
          </MuiLink>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {item.detail}
        </Typography>
        {item.evidence.slice(0, 1).map((evidence) => (
          <QuoteInContext key={evidence.id} variant="body2" sx={{ mt: 1 }} {...evidence.context} />
        ))}
        {item.corroborates ? (
          <Alert severity="success" icon={false} sx={{ mt: 1 }} data-testid="corroboration">
            {translate(`console.ingest.proposals.corroborates.${item.kind}`)}{' '}
            <MuiLink component={Link} to={`/${item.kind}s/${item.corroborates.id}/show`}>
              {item.corroborates.label}
            </MuiLink>
            {item.corroborates.raises ? (
              <span data-testid="raises-precision">
                {translate('console.ingest.proposals.raises', { raises: item.corroborates.raises })}
              </span>
            ) : null}
          </Alert>
        ) : null}
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          {item.corroborates ? (
            <Button size="small" variant="contained" onClick={corroborate}>
              {translate('console.ingest.proposals.addAsEvidence')}
            </Button>
          ) : null}
          <Button size="small" variant={item.corroborates ? 'outlined' : 'contained'} onClick={accept}>
            {translate(item.corroborates ? 'console.ingest.proposals.acceptAsNew' : 'console.ingest.proposals.accept')}
          </Button>
          <Button size="small" onClick={() => navigate(`/${item.kind}s/${item.id}`)}>
            {translate('console.ingest.proposals.edit')}
          </Button>
          <Button size="small" onClick={() => setMerging(true)}>
            {translate('console.ingest.proposals.mergeIntoExisting')}
          </Button>
          <Button size="small" color="error" onClick={() => setDiscarding(true)}>
            {translate('console.ingest.proposals.discard')}
          </Button>
        </Stack>
      </CardContent>
      {merging ? <MergeDialog item={item} onClose={() => setMerging(false)} /> : null}
      {discarding ? <DiscardDialog item={item} onClose={() => setDiscarding(false)} /> : null}
    </Card>
  );
}

function MergeDialog({ item, onClose }: { item: Proposal; onClose: () => void }) {
  const notify = useNotify();
  const translate = useTranslate();
  const refresh = useRefreshProposals();
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<{ id: string; label: string } | null>(null);
  const api = useApi();
  const type = item.kind === 'claim' ? 'CLAIM' : 'EVENT';
  const candidates = useQuery({
    queryKey: ['merge-candidates', type, query],
    enabled: query.trim().length > 1,
    queryFn: async (): Promise<Array<{ id: string; label: string }>> =>
      (await api.findRecords(query.trim(), [type]))
        .flatMap((record) =>
          'text' in record ? [{ id: record.id, label: record.text }] : 'title' in record ? [{ id: record.id, label: record.title }] : [],
        )
        .filter((c) => c.id !== item.id),
  });
  const merge = async () => {
    try {
      await api.mergeProposal({ id: item.id, expectedVersion: item.version, intoId: target!.id });
      notify('console.ingest.proposals.merged', { type: 'success', messageArgs: { label: target!.label.slice(0, 60) } });
      onClose();
      await refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{translate(`console.ingest.proposals.mergeTitle.${item.kind}`)}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate(`console.ingest.proposals.mergeExplanation.${item.kind}`)}
        </Typography>
        <Autocomplete
          options={candidates.data ?? []}
          filterOptions={(options) => options}
          getOptionLabel={(option) => option.label}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          onInputChange={(_, value) => setQuery(value)}
          onChange={(_, value) => setTarget(value)}
          renderInput={(params) => <TextField {...params} label={translate(`console.ingest.proposals.mergeTarget.${item.kind}`)} />}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!target} onClick={merge}>
          {translate('console.ingest.proposals.merge')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function DiscardDialog({ item, onClose }: { item: Proposal; onClose: () => void }) {
  const notify = useNotify();
  const translate = useTranslate();
  const refresh = useRefreshProposals();
  const api = useApi();
  const [reason, setReason] = useState(() => translate('console.ingest.proposals.discardReason'));
  const discard = async () => {
    try {
      await api.discardProposal(item.kind, {
        id: item.id,
        expectedVersion: item.version,
        reason: translate('console.ingest.proposals.discardedReason', { reason }),
      });
      notify('console.ingest.proposals.discarded', { type: 'info' });
      onClose();
      await refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Dialog open onClose={onClose}>
      <DialogTitle>{translate('console.ingest.proposals.discardTitle')}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          fullWidth
          margin="dense"
          label={translate('console.ingest.proposals.why')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button color="error" disabled={!reason.trim()} onClick={discard}>
          {translate('console.ingest.proposals.discard')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
