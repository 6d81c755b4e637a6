import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../../core/sql/prepared.js';
import { projection } from '../../core/sql/projection.js';
import { deletionColumns, deletionState, recordColumns } from '../../core/revisions/deletable.js';
import { loadByStateQuery, type DeletableState, type RecordKind, type StateQuery } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import type { ProposalState } from '../../core/proposals/proposal-state.js';
import type { ReviewStatus } from '../../core/review/status.js';
import { Claim } from './claim.entity.js';
import type { Attribution, ClaimLinkType, ClaimModality, ClaimRank } from './claims.enums.js';

export interface ClaimFields {
  text: string;
  claimantId: string | null;
  claimantLabel: string | null;
  attribution: Attribution;
  modality: ClaimModality;
  credibility: number | null;
  rank: ClaimRank;
  status: ReviewStatus;
  proposal: ProposalState | null;
}

export interface ClaimLinkState {
  type: ClaimLinkType;
  toClaimId: string;
}

export interface ClaimState extends ClaimFields, DeletableState {
  eventIds: string[];
  entityIds: string[];
  links: ClaimLinkState[];
}

const fieldsOf = (row: ClaimFields): ClaimFields => ({
  text: row.text,
  claimantId: row.claimantId,
  claimantLabel: row.claimantLabel,
  attribution: row.attribution,
  modality: row.modality,
  credibility: row.credibility,
  rank: row.rank,
  status: row.status,
  // Revisions written before proposals existed have no such field.
  proposal: row.proposal ?? null,
});

const byClaimThenType = (a: ClaimLinkState, b: ClaimLinkState) => a.toClaimId.localeCompare(b.toClaimId) || a.type.localeCompare(b.type);

function stateQuery(manager: EntityManager): StateQuery<ClaimState> {
  const columns = projection(manager, Claim, 'c');
  return {
    sql: `SELECT ${columns.select},
                 ARRAY(SELECT event_id::text FROM claim_events WHERE claim_id = c.id) AS "eventIds",
                 ARRAY(SELECT entity_id::text FROM claim_entities WHERE claim_id = c.id) AS "entityIds",
                 coalesce((SELECT json_agg(json_build_object('type', type, 'toClaimId', to_claim_id)) FROM claim_links WHERE from_claim_id = c.id), '[]') AS "links"
            FROM claims c WHERE c.id = $1`,
    read(row) {
      const claim = columns.hydrate(row);
      return {
        ...fieldsOf(claim),
        eventIds: (row.eventIds as string[]).sort(),
        entityIds: (row.entityIds as string[]).sort(),
        links: (row.links as ClaimLinkState[]).sort(byClaimThenType),
        ...deletionState(claim),
      };
    },
  };
}

/**
 * A claim's state is its row and three link tables. A change reads it with its version bump and writes it in
 * one statement, which answers it as written: an edit is a few round trips, not one per table and way.
 */
export const ClaimRecord: RecordKind<ClaimState, Claim> = {
  recordType: RecordType.CLAIM,
  table: 'claims',
  stateQuery,
  loadState: loadByStateQuery(stateQuery),
  /**
   * The row updated, and each link table made to hold exactly the state's rows: gone ones deleted, new ones added.
   * The statement's own reads see the tables as they were, so the links it answers are the ones the table now
   * holds, worked out from what it keeps and what it adds.
   */
  async saveState(manager, id, state) {
    const columns = projection(manager, Claim, 'c');
    const assignments = columns.assign({ ...fieldsOf(state), ...deletionColumns(state) }, 6);
    const [row] = await preparedQuery(
      manager,
      `WITH updated AS (UPDATE claims AS c SET ${assignments.sql} WHERE id = $1 RETURNING ${columns.select}),
            events_gone AS (DELETE FROM claim_events WHERE claim_id = $1 AND event_id <> ALL($2::uuid[])),
            events_new AS (INSERT INTO claim_events (claim_id, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id),
            entities_gone AS (DELETE FROM claim_entities WHERE claim_id = $1 AND entity_id <> ALL($3::uuid[])),
            entities_new AS (INSERT INTO claim_entities (claim_id, entity_id) SELECT $1, unnest($3::uuid[]) ON CONFLICT DO NOTHING RETURNING entity_id),
            links_gone AS (DELETE FROM claim_links WHERE from_claim_id = $1 AND (to_claim_id, type) NOT IN (SELECT * FROM unnest($4::uuid[], $5::text[]))),
            links_new AS (INSERT INTO claim_links (from_claim_id, to_claim_id, type) SELECT $1, * FROM unnest($4::uuid[], $5::text[]) ON CONFLICT DO NOTHING RETURNING to_claim_id, type)
       SELECT updated.*,
              ARRAY(SELECT event_id::text FROM claim_events WHERE claim_id = $1 AND event_id = ANY($2::uuid[])
                    UNION ALL SELECT event_id::text FROM events_new) AS "eventIds",
              ARRAY(SELECT entity_id::text FROM claim_entities WHERE claim_id = $1 AND entity_id = ANY($3::uuid[])
                    UNION ALL SELECT entity_id::text FROM entities_new) AS "entityIds",
              coalesce((SELECT json_agg(json_build_object('type', type, 'toClaimId', to_claim_id))
                          FROM (SELECT to_claim_id, type FROM claim_links WHERE from_claim_id = $1 AND (to_claim_id, type) IN (SELECT * FROM unnest($4::uuid[], $5::text[]))
                                UNION ALL SELECT to_claim_id, type FROM links_new) kept), '[]') AS "links"
         FROM updated`,
      [id, state.eventIds, state.entityIds, state.links.map((link) => link.toClaimId), state.links.map((link) => link.type), ...assignments.values],
    );
    return stateQuery(manager).read(row!);
  },
  hydrate(meta, state) {
    return Object.assign(new Claim(), fieldsOf(state), recordColumns(meta, state));
  },
};
