import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { RecordType } from '../../core/revisions/revisions.enums.js';

export enum ChangeKind {
  APPEARED = 'APPEARED',
  CHANGED = 'CHANGED',
  DISAPPEARED = 'DISAPPEARED',
}

registerEnumType(ChangeKind, {
  name: 'ChangeKind',
  description: 'What one write did to a record as the caller sees it.',
  valuesConfig: {
    APPEARED: { description: 'The caller can now read it: created, verified, restored, or sent back to what they may see.' },
    CHANGED: { description: 'The caller could read it before and still can; its content or status changed (an edit, a retraction).' },
    DISAPPEARED: { description: 'The caller can no longer read it: deleted, sent back to review, disputed or rejected.' },
  },
});

@ObjectType({
  description:
    'One write to a record, as the caller sees it. Keep, per record, the change with the highest `version`: a record is ' +
    'yours to read when that change is APPEARED or CHANGED.',
})
export class Change {
  @Field({ description: 'Pass as `after` to read the changes that follow this one.' })
  cursor: string;

  @Field(() => ChangeKind, { description: 'Whether the record appeared, changed, or disappeared for the caller.' })
  kind: ChangeKind;

  @Field(() => RecordType, { description: 'The kind of record.' })
  recordType: RecordType;

  @Field(() => ID, { description: "The record's id: read it with `node(id:)`, or the kind's own root field." })
  recordId: string;

  @Field(() => Int, { description: "The record's version after this write; a later change of the same record has a higher one." })
  version: number;

  @Field(() => Date, { description: 'When the write was made.' })
  at: Date;
}

@ObjectType({ description: 'A stretch of the change feed, in the order the writes became readable.' })
export class ChangePage {
  @Field(() => [Change], { description: 'The changes the caller sees, in log order.' })
  changes: Change[];

  @Field({
    description:
      'Where this read stopped: pass it as `after` next time, or to the `changes` subscription. It may lie past the last ' +
      'change listed, when what followed was not yours to see.',
  })
  cursor: string;

  @Field({ description: 'More of the log is readable now: read again from `cursor`.' })
  hasMore: boolean;
}

@ArgsType()
export class ChangesArgs {
  @Field(() => String, { nullable: true, description: "A `cursor` from an earlier read; the log's start when left out." })
  after?: string | null;

  @Field(() => [RecordType], {
    nullable: true,
    description: 'Only these kinds: SOURCE, ENTITY, EVENT, CLAIM, and for staff EVIDENCE and ANNOTATION. All of them when left out.',
  })
  recordTypes?: RecordType[] | null;
}

@ArgsType()
export class ChangePageArgs extends ChangesArgs {
  @Field(() => Int, { nullable: true, description: 'At most 100 changes; 25 when left out.' })
  first?: number | null;
}
