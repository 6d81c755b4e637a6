import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { EntityRecord } from '../entities/entity.entity.js';

@InputType({
  description: 'Merges `loserId` into `winnerId`: the loser stays as a redirect, and every reference to it moves to the winner.',
})
export class MergeEntitiesInput {
  @Field(() => ID, {
    description: "The entity that remains; it takes the loser's names as aliases, and its external ids in schemes it lacks.",
  })
  winnerId: string;

  @Field(() => Int, { description: "The winner's version you read." })
  winnerExpectedVersion: number;

  @Field(() => ID, { description: 'The duplicate; it becomes a redirect (`mergedInto`) and leaves lists.' })
  loserId: string;

  @Field(() => Int, { description: "The loser's version you read." })
  loserExpectedVersion: number;

  @Field({ description: 'Why they are the same.' })
  reason: string;
}

@InputType({
  description:
    'Records a name the importer found (its note, tagged `new-name`) as an entity: the note is resolved, the name becomes an alias of the entity, and the records drawn from the same source text that carried it as a label now name the entity.',
})
export class RecordNewNameInput {
  @Field(() => ID, { description: 'The note on the name, tagged `new-name`.' })
  noteId: string;

  @Field(() => Int, { description: "The note's version you read." })
  noteExpectedVersion: number;

  @Field(() => ID, { description: 'The entity the name stands for: one just created for it, or one the store already had.' })
  entityId: string;

  @Field(() => Int, { description: "The entity's version you read; it changes only if the name becomes one of its aliases." })
  entityExpectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Why; by default, that the name was recorded as this entity.' })
  reason?: string | null;
}

@ObjectType({ description: 'What recording a new name changed.' })
export class RecordNewNamePayload {
  @Field(() => EntityRecord, { description: 'The entity, with the name among its aliases.' })
  entity: EntityRecord;

  @Field(() => Int, { description: 'Claims whose claimant was the bare name and is now the entity.' })
  movedClaims: number;

  @Field(() => Int, { description: 'Events that had the name as a label participant and now have the entity.' })
  movedEvents: number;
}
