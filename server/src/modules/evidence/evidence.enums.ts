import { registerEnumType } from 'type-graphql';

export enum AnchorStatus {
  /** The selector's `exact` is the revision's text between `start` and `end`. */
  ANCHORED = 'ANCHORED',
  /** Re-anchored to a near match after a correction; a reviewer should confirm it. */
  FUZZY = 'FUZZY',
  /** No match after a correction; the positions are those of the last text it matched. */
  ORPHANED = 'ORPHANED',
}

registerEnumType(AnchorStatus, {
  name: 'AnchorStatus',
  description: 'Whether evidence still points at its exact words, after corrections of its source text.',
  valuesConfig: {
    ANCHORED: { description: "The selector's `exact` is the revision's text between `start` and `end`." },
    FUZZY: { description: 'Moved to a near match after a correction; a reviewer should confirm it.' },
    ORPHANED: { description: 'Not found after a correction; it stays on the older revision whose words it matches.' },
  },
});
