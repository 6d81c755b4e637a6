import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({
  description:
    'Soft-deletes a record: it leaves lists and lookups, keeps its history, and can be restored. ' +
    'revokeApiKey takes it too, to revoke a key (which is not deleted).',
})
export class DeleteInput {
  @Field(() => ID, { description: 'The record to delete, or the API key to revoke.' })
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one fails with CONFLICT.' })
  expectedVersion: number;

  @Field({ description: 'Why the record is deleted (or the key revoked); kept in the revision.' })
  reason: string;
}

@InputType({ description: 'Brings a deleted record back.' })
export class RestoreInput {
  @Field(() => ID, { description: 'The deleted record.' })
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one fails with CONFLICT and the current version.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Why it comes back; kept in the revision.' })
  reason?: string | null;
}

/** The fields every update input carries. */
@InputType()
export class UpdateInputBase {
  @Field(() => ID, { description: 'The record to change.' })
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one fails with CONFLICT and the current version.' })
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'The edit summary, kept in the revision.' })
  reason?: string | null;
}
