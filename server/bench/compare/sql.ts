/**
 * The SQL the two other servers run: PostGraphile's view of the tables, and the hand-written statements of the
 * raw handler. Both read the same tables as this server and show what it shows an anonymous caller: VERIFIED
 * and RETRACTED claims and events, nothing deleted.
 */

const PUBLIC = `('VERIFIED', 'RETRACTED')`;

/** Ranked per kind as SearchService ranks it, so the three servers find, score and mark the same claims. */
export const CANDIDATES = 200;
const HEADLINE = `'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`;

/** Claims matching words, best first, with a marked snippet: $1 the words, $2 how many. */
export const SEARCH_CLAIMS = `
  WITH q AS (SELECT websearch_to_tsquery('english', $1) AS ts),
  hits AS (
    SELECT c.id, c.text, ts_rank_cd(c.search_vector, q.ts, 32) AS score
      FROM public.claims c, q
     WHERE c.search_vector @@ q.ts AND c.deleted_at IS NULL AND c.status IN ${PUBLIC}
     LIMIT ${CANDIDATES}),
  page AS (SELECT * FROM hits ORDER BY score DESC, id::text DESC LIMIT $2)
  SELECT p.id, p.text, least(p.score, 1)::float8 AS score,
         ts_headline('english', replace(replace(replace(p.text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), q.ts, ${HEADLINE}) AS snippet
    FROM page p, q
   ORDER BY p.score DESC, p.id::text DESC`;

/**
 * The write of one claim's text with its revision, as RecordWriter makes it: the version bumped only if it is
 * still the one expected, an edit to a judged claim sent back to review, and one revision whose state is the
 * previous revision's with the change applied (the log's last state is the record's), hashed over the same
 * canonical JSON and chained. $1 id, $2 expected version, $3 text, $4 reason, $5 actor, $6 request id.
 * Answers nothing when the version is stale.
 */
const UPDATE_CLAIM_TEXT_STEPS = `
  WITH bumped AS (
    UPDATE public.claims
       SET version = version + 1, updated_at = now(), text = btrim($3),
           status = CASE WHEN status IN ('VERIFIED', 'DISPUTED', 'REJECTED') THEN 'IN_REVIEW' ELSE status END
     WHERE id = $1 AND version = $2 AND status <> 'RETRACTED'
    RETURNING id, version, text, status),
  previous AS (
    SELECT b.*, r.state AS before, r.hash AS prev_hash, date_trunc('milliseconds', clock_timestamp()) AS at, $6::text AS request_id
      FROM bumped b JOIN public.revisions r ON r.record_type = 'Claim' AND r.record_id = b.id AND r.version = b.version - 1),
  changed AS (
    SELECT p.*, p.before || jsonb_build_object('text', p.text, 'status', p.status) AS after FROM previous p),
  revision AS (
    SELECT c.*, bench.state_changes(c.before, c.after) AS changes FROM changed c),
  hashed AS (
    SELECT r.*, encode(sha256(convert_to(bench.canonical_json(jsonb_build_object(
             'recordType', 'Claim', 'recordId', r.id, 'version', r.version, 'operation', 'UPDATE', 'changes', r.changes,
             'state', r.after, 'reason', $4::text, 'actor', $5::text, 'actorUserId', NULL, 'requestId', r.request_id,
             'createdAt', to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'prevHash', r.prev_hash)), 'UTF8')), 'hex') AS hash
      FROM revision r),
  appended AS (
    INSERT INTO public.revisions (record_type, record_id, version, operation, changes, state, reason, actor, request_id, created_at, prev_hash, hash)
    SELECT 'Claim', id, version, 'UPDATE', changes, after, $4, $5, request_id, at, prev_hash, hash FROM hashed
    RETURNING record_id)`;

export const UPDATE_CLAIM_TEXT = `${UPDATE_CLAIM_TEXT_STEPS} SELECT h.id, h.version, h.text FROM hashed h JOIN appended a ON a.record_id = h.id`;

/** The same write, answering as this server's updateClaim does (a data-modifying WITH must stay at the top). */
export const UPDATE_CLAIM_TEXT_ANSWER = `${UPDATE_CLAIM_TEXT_STEPS}
  SELECT json_build_object('data', json_build_object('updateClaim', json_build_object('id', h.id, 'version', h.version, 'text', h.text)))::text AS answer
    FROM hashed h JOIN appended a ON a.record_id = h.id`;

/**
 * Helpers in a schema of their own: canonical JSON (keys sorted at every depth, as canonicalJson writes it) and
 * the per-field changes between two states (as diffStates lists them).
 */
export const BENCH_HELPERS = `
  CREATE SCHEMA bench;
  CREATE FUNCTION bench.canonical_json(value jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
  BEGIN
    RETURN CASE jsonb_typeof(value)
      WHEN 'object' THEN '{' || coalesce((SELECT string_agg(to_json(key)::text || ':' || bench.canonical_json(item), ',' ORDER BY key COLLATE "C")
                                            FROM jsonb_each(value) AS entry(key, item)), '') || '}'
      WHEN 'array' THEN '[' || coalesce((SELECT string_agg(bench.canonical_json(item), ',' ORDER BY position)
                                           FROM jsonb_array_elements(value) WITH ORDINALITY AS element(item, position)), '') || ']'
      ELSE value::text
    END;
  END $$;
  CREATE FUNCTION bench.state_changes(before jsonb, after jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(jsonb_object_agg(key, jsonb_build_object('before', coalesce(before -> key, 'null'), 'after', coalesce(after -> key, 'null'))), '{}')
      FROM (SELECT jsonb_object_keys(before) UNION SELECT jsonb_object_keys(after)) AS keys(key)
     WHERE coalesce(before -> key, 'null') IS DISTINCT FROM coalesce(after -> key, 'null')
  $$;
  GRANT USAGE ON SCHEMA bench TO provenance_app;`;

/**
 * What PostGraphile is given: views of what an anonymous caller may see, each with its key and relations as
 * smart tags, read-only; claims of an event through a link view that carries the order the API lists them in;
 * the search and the update as functions over the same SQL as the raw handler's.
 */
export const POSTGRAPHILE_SCHEMA = `
  CREATE SCHEMA graphile;
  CREATE VIEW graphile.entities AS SELECT id, name, kind FROM public.entities WHERE deleted_at IS NULL;
  CREATE VIEW graphile.sources AS SELECT id, title, url, published_at FROM public.sources WHERE deleted_at IS NULL;
  CREATE VIEW graphile.claims AS
    SELECT id, text, claimant_id, claimant_label, attribution, modality, credibility, status, created_at
      FROM public.claims WHERE deleted_at IS NULL AND status IN ${PUBLIC};
  CREATE VIEW graphile.events AS
    SELECT id, title, type_code, start_date, status, created_at FROM public.events WHERE deleted_at IS NULL AND status IN ${PUBLIC};
  CREATE VIEW graphile.evidence AS
    SELECT e.id, e.claim_id, e.event_id, r.source_id, e.exact, e.start_pos, e.end_pos
      FROM public.evidence e JOIN public.source_revisions r ON r.id = e.source_revision_id WHERE e.deleted_at IS NULL;
  CREATE VIEW graphile.event_claims AS
    SELECT l.event_id, l.claim_id, c.created_at AS claim_created_at
      FROM public.claim_events l JOIN public.claims c ON c.id = l.claim_id WHERE c.deleted_at IS NULL AND c.status IN ${PUBLIC};
  COMMENT ON VIEW graphile.entities IS E'@primaryKey id\\n@behavior -insert -update -delete';
  COMMENT ON VIEW graphile.sources IS E'@primaryKey id\\n@behavior -insert -update -delete';
  COMMENT ON VIEW graphile.claims IS E'@primaryKey id\\n@behavior -insert -update -delete\\n@foreignKey (claimant_id) references graphile.entities (id)|@fieldName claimant|@foreignFieldName claimsBy';
  COMMENT ON VIEW graphile.events IS E'@primaryKey id\\n@behavior -insert -update -delete';
  COMMENT ON VIEW graphile.evidence IS E'@primaryKey id\\n@behavior -insert -update -delete\\n@foreignKey (claim_id) references graphile.claims (id)|@fieldName claim|@foreignFieldName evidence\\n@foreignKey (event_id) references graphile.events (id)|@fieldName event|@foreignFieldName evidence\\n@foreignKey (source_id) references graphile.sources (id)|@fieldName source|@foreignFieldName evidence';
  COMMENT ON VIEW graphile.event_claims IS E'@primaryKey event_id,claim_id\\n@behavior -insert -update -delete\\n@foreignKey (event_id) references graphile.events (id)|@fieldName event|@foreignFieldName claimLinks\\n@foreignKey (claim_id) references graphile.claims (id)|@fieldName claim|@foreignFieldName eventLinks';

  CREATE TYPE graphile.claim_hit AS (id uuid, text text, score float8, snippet text);
  CREATE FUNCTION graphile.search_claims(words text, page_size int) RETURNS SETOF graphile.claim_hit LANGUAGE sql STABLE AS $$ ${SEARCH_CLAIMS} $$;
  CREATE TYPE graphile.edited_claim AS (id uuid, version int, text text);
  CREATE FUNCTION graphile.update_claim_text(claim_id uuid, expected_version int, new_text text, reason text, actor text) RETURNS graphile.edited_claim
    LANGUAGE sql VOLATILE AS $$ ${UPDATE_CLAIM_TEXT.replace('$6::text', 'gen_random_uuid()::text')} $$;
  GRANT USAGE ON SCHEMA graphile TO provenance_app;
  GRANT SELECT ON ALL TABLES IN SCHEMA graphile TO provenance_app;`;
