import { Alert, Button, Stack, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useNotify, usePermissions, useTranslate } from 'react-admin';

import { useVocabulary } from '../common/vocabulary';
import { canReview, type Role } from '../providers/access';
import { isApiError } from '../providers/graphql';
import { useApi } from '../providers/useApi';

type Decision = 'VERIFY' | 'DISPUTE' | 'REJECT' | 'RETRACT';

/** The decisions open in each status; each is named by `console.review.decisions.<DECISION>`. */
const DECISIONS: Record<string, Array<{ decision: Decision; color: 'success' | 'warning' | 'error' | 'secondary' }>> = {
  IN_REVIEW: [
    { decision: 'VERIFY', color: 'success' },
    { decision: 'DISPUTE', color: 'warning' },
    { decision: 'REJECT', color: 'error' },
  ],
  VERIFIED: [{ decision: 'RETRACT', color: 'secondary' }],
};

/**
 * A reviewer's decision on a claim or an event, with the comment it needs. Nobody judges their own last change:
 * for them the buttons are disabled and say why, as the API would refuse it.
 */
export function ReviewActions({
  record,
  lastEditedBy,
  onDone,
}: {
  record: { id: string; version: number; status: string };
  lastEditedBy: string | null;
  onDone: () => void;
}) {
  const { permissions } = usePermissions<Role[]>();
  const { identity } = useGetIdentity();
  const api = useApi();
  const notify = useNotify();
  const translate = useTranslate();
  const vocabulary = useVocabulary();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const choices = DECISIONS[record.status] ?? [];
  if (!canReview(permissions ?? []) || choices.length === 0) return null;
  const ownChange = identity !== undefined && lastEditedBy === `user:${identity.id}`;
  const why = ownChange
    ? translate('console.review.actions.ownChange')
    : !comment.trim()
      ? translate('console.review.actions.commentFirst')
      : '';

  const decide = async (decision: Decision) => {
    setBusy(true);
    try {
      const result = await api.review({ id: record.id, expectedVersion: record.version, decision, comment });
      notify('console.review.actions.done', {
        type: 'success',
        messageArgs: {
          decision: translate(`console.review.decisions.${decision}`),
          status: vocabulary(result.status).toLowerCase(),
        },
      });
      setComment('');
      onDone();
    } catch (error) {
      const conflict = isApiError(error) && error.body.code === 'CONFLICT';
      notify(conflict ? 'console.review.actions.conflict' : (error as Error).message, { type: 'error' });
      if (conflict) onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={1} data-testid="review-actions">
      {ownChange ? <Alert severity="info">{why}</Alert> : null}
      <TextField
        size="small"
        label={translate('console.review.actions.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        disabled={ownChange}
        multiline
        fullWidth
      />
      <Stack direction="row" spacing={1}>
        {choices.map((choice) => (
          <Tooltip key={choice.decision} title={why}>
            <span>
              <Button
                variant="contained"
                color={choice.color}
                disabled={busy || ownChange || !comment.trim()}
                onClick={() => decide(choice.decision)}
              >
                {translate(`console.review.decisions.${choice.decision}`)}
              </Button>
            </span>
          </Tooltip>
        ))}
      </Stack>
    </Stack>
  );
}
