import { Alert, Button, Stack, TextField, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useNotify, usePermissions } from 'react-admin';

import { canReview, type Role } from '../providers/access';
import { isApiError } from '../providers/graphql';
import { useApi } from '../providers/useApi';

type Decision = 'VERIFY' | 'DISPUTE' | 'REJECT' | 'RETRACT';

const DECISIONS: Record<string, Array<{ decision: Decision; label: string; color: 'success' | 'warning' | 'error' | 'secondary' }>> = {
  IN_REVIEW: [
    { decision: 'VERIFY', label: 'Verify', color: 'success' },
    { decision: 'DISPUTE', label: 'Dispute', color: 'warning' },
    { decision: 'REJECT', label: 'Reject', color: 'error' },
  ],
  VERIFIED: [{ decision: 'RETRACT', label: 'Retract', color: 'secondary' }],
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
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const choices = DECISIONS[record.status] ?? [];
  if (!canReview(permissions ?? []) || choices.length === 0) return null;
  const ownChange = identity !== undefined && lastEditedBy === `user:${identity.id}`;
  const why = ownChange
    ? 'You made the last change to this record or to the evidence it rests on: another reviewer must judge it (four-eyes).'
    : !comment.trim()
      ? 'Write a comment first: it is kept with the decision.'
      : '';

  const decide = async (decision: Decision) => {
    setBusy(true);
    try {
      const result = await api.review({ id: record.id, expectedVersion: record.version, decision, comment });
      notify(`${decision.charAt(0) + decision.slice(1).toLowerCase()}: it is now ${result.status.toLowerCase().replace('_', ' ')}.`, {
        type: 'success',
      });
      setComment('');
      onDone();
    } catch (error) {
      const conflict = isApiError(error) && error.body.code === 'CONFLICT';
      notify(conflict ? 'It changed since you read it; read it again before judging.' : (error as Error).message, { type: 'error' });
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
        label="Review comment"
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
                {choice.label}
              </Button>
            </span>
          </Tooltip>
        ))}
      </Stack>
    </Stack>
  );
}
