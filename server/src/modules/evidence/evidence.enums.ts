import { registerEnumType } from 'type-graphql';

export enum AnchorStatus {
  /** The selector's `exact` is the revision's text between `start` and `end`. */
  ANCHORED = 'ANCHORED',
  /** Re-anchored to a near match after a correction; a reviewer should confirm it. */
  FUZZY = 'FUZZY',
  /** No match after a correction; the positions are those of the last text it matched. */
  ORPHANED = 'ORPHANED',
}

registerEnumType(AnchorStatus, { name: 'AnchorStatus' });
