import { ReviewStatus } from '../../core/review/status.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { seesDeliberation } from '../../core/visibility/visibility.js';
import { type Claim, ClaimRecord } from '../../modules/claims/claim.entity.js';
import { claimsQuery } from './filters.js';
import type { ExportFormat } from './format.js';
import { entitiesOf, type EvidenceFact, evidenceOf, historiesOf } from './lookups.js';
import { keysetBatches } from './stream.js';

type Cell = string | number | boolean | Date | null;

/**
 * The columns, in order: the claim's id, the fields its declaration exports, then where it comes from and who did
 * what to it. `claimant` holds the label of an unnamed claimant or the named one's name. A claim with several pieces of evidence gets one value per evidence in each evidence
 * column, in the same order, separated by a line break inside the cell. `*_by` is the actor as the revision
 * log names it (`user:<id>`, `api-key:<id>`, `seed:<file>`); `*_by_name` the person's or key's name for staff,
 * the run's name for anyone.
 */
const COLUMNS = [
  'id',
  ...ClaimRecord.exported.map((exported) => exported.column),
  'retracted',
  'source_title',
  'source_url',
  'source_revision',
  'source_sha256',
  'quote',
  'quote_start',
  'quote_end',
  'anchor_status',
  'created_by',
  'created_by_name',
  'created_at',
  'version',
  'updated_at',
  'updated_by',
  'updated_by_name',
  'last_review_decision',
  'last_reviewed_by',
  'last_reviewed_by_name',
  'last_reviewed_at',
];

const NEEDS_QUOTES = /[",\r\n]/;
/** What makes a spreadsheet read a cell as a formula (OWASP's CSV injection list). */
const STARTS_A_FORMULA = /^[=+\-@\t\r]/;

/**
 * RFC 4180: a field holding a comma, a double quote or a line break is quoted, its quotes doubled. Text that a
 * spreadsheet would run as a formula (a claim typed by one editor, opened by an admin) gets a leading apostrophe,
 * which spreadsheets show as text; numbers are written as they are, so a negative one stays a number.
 */
function csvField(value: Cell): string {
  let text = value === null ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'string' && STARTS_A_FORMULA.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;

const each = (evidence: EvidenceFact[], value: (fact: EvidenceFact) => Cell): string =>
  evidence
    .map((fact) => {
      const cell = value(fact);
      return cell === null ? '' : String(cell);
    })
    .join('\n');

/** One row per claim the viewer may see, with where it comes from and who did what to it. */
export const claimsCsv: ExportFormat = {
  file: 'claims.csv',
  contentType: 'text/csv; charset=utf-8; header=present',
  async write(out, { dataSource, viewer, filters, agents }) {
    const deliberation = seesDeliberation(viewer);
    await out.write(csvLine(COLUMNS));
    for await (const claims of keysetBatches<Claim>(claimsQuery(dataSource, viewer, filters), out)) {
      const ids = claims.map((claim) => claim.id);
      const manager = dataSource.manager;
      const claimants = await entitiesOf(
        manager,
        claims.map((claim) => claim.claimantId),
        viewer,
      );
      const evidence = await evidenceOf(manager, 'claim', ids, viewer);
      const histories = await historiesOf(manager, RecordType.CLAIM, ids);
      const names = await agents.describe(
        [...histories.values()].flatMap((history) => [
          history.createdBy,
          history.updatedBy,
          ...(history.decision ? [history.decision.actor] : []),
        ]),
      );
      // Who reviewed is deliberation: the public reads the verdict and its date (reviewStepsSeenBy, as the API).
      const reviewer = (actor: string | undefined) => (actor && deliberation ? actor : null);
      const rows = claims.map((claim) => {
        const facts = evidence.get(claim.id) ?? [];
        const history = histories.get(claim.id)!;
        const decision = history.decision;
        const row: Record<string, Cell> = {
          id: claim.id,
          ...Object.fromEntries(ClaimRecord.exported.map(({ column, field }) => [column, claim[field] as Cell])),
          claimant: claim.claimantLabel ?? claimants.get(claim.claimantId!)?.name ?? null,
          retracted: claim.status === ReviewStatus.RETRACTED,
          source_title: each(facts, (fact) => fact.source.title),
          source_url: each(facts, (fact) => fact.source.url),
          source_revision: each(facts, (fact) => fact.revisionNumber),
          source_sha256: each(facts, (fact) => fact.sha256),
          quote: each(facts, (fact) => fact.exact),
          quote_start: each(facts, (fact) => fact.start),
          quote_end: each(facts, (fact) => fact.end),
          anchor_status: each(facts, (fact) => fact.anchorStatus),
          created_by: history.createdBy,
          created_by_name: names.get(history.createdBy)!.name,
          created_at: history.createdAt,
          version: claim.version,
          updated_at: claim.updatedAt,
          updated_by: history.updatedByReview ? reviewer(history.updatedBy) : history.updatedBy,
          updated_by_name: history.updatedByReview && !deliberation ? null : names.get(history.updatedBy)!.name,
          last_review_decision: decision?.decision ?? null,
          last_reviewed_by: reviewer(decision?.actor),
          last_reviewed_by_name: decision && deliberation ? names.get(decision.actor)!.name : null,
          last_reviewed_at: decision?.at ?? null,
        };
        return csvLine(COLUMNS.map((column) => row[column]!));
      });
      await out.write(rows.join(''));
    }
  },
};
