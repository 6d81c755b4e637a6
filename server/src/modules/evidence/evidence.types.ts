import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A W3C Web Annotation TextQuoteSelector (exact, prefix, suffix) with a TextPositionSelector (start, end: ' +
    '0-based code points over the revision text, end excluded).',
})
export class TextSelector {
  @Field({ description: 'The quoted words, exactly as in the text.' })
  exact: string;

  @Field({ description: 'The text just before the quote.' })
  prefix: string;

  @Field({ description: 'The text just after the quote.' })
  suffix: string;

  @Field(() => Int)
  start: number;

  @Field(() => Int)
  end: number;
}
