import { registerEnumType } from 'type-graphql';

/**
 * Where a claim or event an import proposed stands with the editors: waiting (PENDING) or taken on (ACCEPTED).
 * Discarded proposals are deleted with their reason, like any record; hand-made records have none.
 */
export enum ProposalState {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
}

registerEnumType(ProposalState, {
  name: 'ProposalState',
  description: 'Where an imported proposal stands: waiting for an editor, or accepted by one.',
  valuesConfig: {
    PENDING: { description: 'Proposed by an import; an editor has not yet accepted, merged or discarded it.' },
    ACCEPTED: { description: 'An editor took it on; it goes through review like any record.' },
  },
});
