import { Field, ID, InputType, Int } from 'type-graphql';

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
