import { arrayText, columnJson, type JsonShape, jsonText, type NestedJson, orNull } from '../../core/sql/passthrough.js';
import { Evidence } from './evidence.entity.js';

/** The TextSelector's fields, by the evidence's columns they are (the verified quote's keys are the fields' names). */
const SELECTOR: Record<string, { column: string; type: 'text' | 'int' }> = {
  exact: { column: 'exact', type: 'text' },
  prefix: { column: 'prefix', type: 'text' },
  suffix: { column: 'suffix', type: 'text' },
  start: { column: 'start_pos', type: 'int' },
  end: { column: 'end_pos', type: 'int' },
};

/**
 * The words as `selectorSeenBy` gives them: staff read the evidence's own; everyone else reads the words a reviewer
 * verified while its record awaits re-review (`verified_quote`), the evidence's own otherwise.
 */
const selector: NestedJson = (field, alias, json) => {
  if (!field.selectionSet) return null;
  const own = json.leaves('TextSelector', field.selectionSet, (name) => {
    const at = SELECTOR[name];
    return at ? jsonText(columnJson(`"${alias}"."${at.column}"`, at.type, at.type === 'int' ? 'Int' : 'String')) : null;
  });
  if (!own || json.staff) return own;
  // A jsonb member's text is its JSON.
  const verified = json.leaves('TextSelector', field.selectionSet, (name) => orNull(`("${alias}"."verified_quote"->'${name}')::text`));
  return `CASE WHEN "${alias}"."verified_quote" IS NULL THEN ${own} ELSE ${verified} END`;
};

/** The source its words are in, through the snapshot it points into, as the `source` resolver reads it. */
const source: NestedJson = (field, alias, json) => {
  if (!field.selectionSet) return null;
  const [snapshot, from] = [json.alias(), json.alias()];
  const object = json.object('Source', field.selectionSet, from, true);
  return (
    object &&
    orNull(
      `(SELECT ${object} FROM source_revisions ${snapshot} JOIN sources ${from} ON ${from}.id = ${snapshot}.source_id WHERE ${snapshot}.id = "${alias}"."source_revision_id")`,
    )
  );
};

/** Evidence as PostgreSQL writes it into an answer (core/sql/passthrough.ts). */
export const evidenceJson: JsonShape = { type: 'Evidence', entity: Evidence, nested: { selector, source } };

/** The evidence of a claim or an event, deleted evidence left out, in the order `evidenceBy…Id` reads it. */
export const evidenceOf =
  (owner: 'claim_id' | 'event_id'): NestedJson =>
  (field, alias, json) => {
    if (!field.selectionSet) return null;
    const quote = json.alias();
    const object = json.object('Evidence', field.selectionSet, quote);
    return (
      object &&
      arrayText(
        object,
        `${quote}.start_pos, ${quote}.id`,
        `FROM evidence ${quote} WHERE ${quote}.${owner} = "${alias}"."id" AND ${quote}.deleted_at IS NULL`,
      )
    );
  };
