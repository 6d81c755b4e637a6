import { Alert, Box, Button, Chip, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocaleState, useNotify, useRecordContext, useResourceContext, useTranslate } from 'react-admin';

import { MOTIVATIONS } from '../common/choices';
import { resourceDefinition } from '../providers/resources';
import { useApi } from '../providers/useApi';

export interface Note {
  id: string;
  version: number;
  motivation: string;
  body: string;
  tags: string[];
  resolved: boolean;
  authorName: string | null;
  parentId: string | null;
  createdAt: string;
  span: { sourceRevisionId: string; selector: { exact: string; start: number; end: number } } | null;
}

export interface NoteTarget {
  targetType: string;
  targetId: string;
}

/** Notes on the record shown: threads of replies, each with its motivation, resolved when settled. */
export default function AnnotationsPanel() {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  if (!record) return null;
  return <NoteThreads target={{ targetType: resourceDefinition(resource).recordType, targetId: String(record.id) }} />;
}

export function useNotes(target: NoteTarget, enabled = true) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: ['notes', target.targetType, target.targetId],
    queryFn: async () =>
      (
        await api.getList('annotations', {
          filter: target,
          pagination: { page: 1, perPage: 1000 },
          sort: { field: 'createdAt', order: 'ASC' },
        })
      ).data as Note[],
  });
}

export function NoteThreads({
  target,
  span,
  heading = 'console.annotations.panel.heading',
}: {
  target: NoteTarget;
  span?: Note['span'] & { sourceId?: string };
  /** A message key, or words already translated. */
  heading?: string;
}) {
  const translate = useTranslate();
  const notes = useNotes(target);
  const all = notes.data ?? [];
  const threads = all.filter((note) => !note.parentId && (!span || note.span?.selector.start === span.selector.start));
  const repliesTo = (id: string) => all.filter((note) => note.parentId === id);
  return (
    <Stack spacing={2} data-testid="notes">
      <Typography variant="h6">{translate(heading, { _: heading })}</Typography>
      <NoteForm target={target} span={span} />
      {notes.error ? <Alert severity="error">{(notes.error as Error).message}</Alert> : null}
      {threads.length === 0 && !notes.isPending ? (
        <Typography color="text.secondary">{translate('console.annotations.panel.none')}</Typography>
      ) : null}
      {threads.map((note) => (
        <Paper key={note.id} variant="outlined" sx={{ p: 1.5, opacity: note.resolved ? 0.7 : 1 }} data-testid="note-thread">
          <NoteView note={note} target={target} />
          <Stack spacing={1} sx={{ ml: 3, mt: 1 }}>
            {repliesTo(note.id).map((reply) => (
              <NoteView key={reply.id} note={reply} target={target} />
            ))}
            <NoteForm target={target} parentId={note.id} compact />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function NoteView({ note, target }: { note: Note; target: NoteTarget }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const toggle = async () => {
    try {
      await api.update('annotations', {
        id: note.id,
        data: {
          resolved: !note.resolved,
          reason: translate(note.resolved ? 'console.annotations.panel.reopenedReason' : 'console.annotations.panel.resolvedReason'),
        },
        previousData: note,
      });
      await queryClient.invalidateQueries({ queryKey: ['notes', target.targetType, target.targetId] });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Box data-testid="note">
      <Stack direction="row" spacing={1} alignItems="center">
        <Chip size="small" label={translate(`console.annotations.motivations.${note.motivation}`)} />
        <Typography variant="caption" color="text.secondary">
          {note.authorName ?? translate('console.annotations.panel.someone')} · {new Date(note.createdAt).toLocaleString(locale)}
        </Typography>
        {note.resolved ? <Chip size="small" color="success" label={translate('console.annotations.panel.resolved')} /> : null}
        {!note.parentId ? (
          <Button size="small" onClick={toggle}>
            {translate(note.resolved ? 'console.annotations.panel.reopen' : 'console.annotations.panel.resolve')}
          </Button>
        ) : null}
      </Stack>
      {note.span ? (
        <Typography variant="body2" sx={{ fontStyle: 'italic', color: 'text.secondary' }}>
          {translate('console.annotations.panel.onWords', { exact: note.span.selector.exact })}
        </Typography>
      ) : null}
      <Typography sx={{ whiteSpace: 'pre-wrap' }}>{note.body}</Typography>
      {note.tags.length > 0 ? (
        <Stack direction="row" spacing={0.5}>
          {note.tags.map((tag) => (
            <Chip key={tag} size="small" variant="outlined" label={`#${tag}`} />
          ))}
        </Stack>
      ) : null}
    </Box>
  );
}

function NoteForm({
  target,
  parentId,
  span,
  compact = false,
}: {
  target: NoteTarget;
  parentId?: string;
  span?: Note['span'] & { sourceId?: string };
  compact?: boolean;
}) {
  const api = useApi();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const translate = useTranslate();
  const [body, setBody] = useState('');
  const [motivation, setMotivation] = useState(parentId ? 'COMMENTING' : 'QUESTIONING');
  const [tags, setTags] = useState('');
  const [open, setOpen] = useState(!compact);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <Box>
        <Button size="small" onClick={() => setOpen(true)}>
          {translate('console.annotations.panel.reply')}
        </Button>
      </Box>
    );
  }
  const save = async () => {
    setBusy(true);
    try {
      await api.create('annotations', {
        data: {
          ...target,
          parentId: parentId ?? null,
          motivation,
          body,
          tags: tags
            .split(/[\s,]+/)
            .map((tag) => tag.replace(/^#/, ''))
            .filter(Boolean),
          span: span
            ? {
                sourceId: span.sourceId,
                sourceRevisionId: span.sourceRevisionId,
                selector: { exact: span.selector.exact, start: span.selector.start, end: span.selector.end },
              }
            : null,
        },
      });
      setBody('');
      setTags('');
      if (compact) setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ['notes', target.targetType, target.targetId] });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction={compact ? 'row' : { xs: 'column', md: 'row' }} spacing={1} alignItems="flex-start">
      <TextField
        select
        size="small"
        label={translate('console.annotations.panel.motivation')}
        value={motivation}
        onChange={(e) => setMotivation(e.target.value)}
        sx={{ minWidth: 150 }}
      >
        {MOTIVATIONS.map((choice) => (
          <MenuItem key={choice.id} value={choice.id}>
            {translate(`console.annotations.motivations.${choice.id}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        multiline
        fullWidth
        label={translate(
          parentId ? 'console.annotations.panel.reply' : span ? 'console.annotations.panel.spanNote' : 'console.annotations.panel.newNote',
        )}
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
      {!compact ? (
        <TextField
          size="small"
          label={translate('console.annotations.panel.tags')}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          sx={{ minWidth: 140 }}
        />
      ) : null}
      <Button variant="contained" size="small" disabled={busy || !body.trim()} onClick={save} sx={{ mt: 0.5 }}>
        {translate(parentId ? 'console.annotations.panel.reply' : 'console.annotations.panel.add')}
      </Button>
    </Stack>
  );
}
