import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'Soft-deletes a record: it leaves lists and lookups, keeps its history, and can be restored.' })
export class DeleteInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one fails with CONFLICT.' })
  expectedVersion: number;

  @Field({ description: 'Why the record is deleted.' })
  reason: string;
}

@InputType({ description: 'Brings a deleted record back.' })
export class RestoreInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

/** The fields every update input carries. */
@InputType()
export class UpdateInputBase {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one fails with CONFLICT and the current version.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'The edit summary, kept in the revision.' })
  reason?: string | null;
}
