import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';

@ObjectType({
  description:
    'A W3C Web Annotation TextQuoteSelector (exact, prefix, suffix) with a TextPositionSelector (start, end: ' +
    '0-based Unicode code points over the revision text, end excluded).',
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

@InputType({
  description:
    'Where the words are: `exact`, with `prefix`/`suffix` to choose among repeats, or with `start`/`end` ' +
    '(code points) from a selection; positions, when given, must hold exactly `exact`.',
})
export class SelectorInput {
  @Field()
  exact: string;

  @Field(() => String, { nullable: true })
  prefix?: string | null;

  @Field(() => String, { nullable: true })
  suffix?: string | null;

  @Field(() => Int, { nullable: true })
  start?: number | null;

  @Field(() => Int, { nullable: true })
  end?: number | null;
}

@InputType({ description: 'Evidence for a claim or for an event (one of the two), in a source: its current text unless a revision is named.' })
export class CreateEvidenceInput {
  @Field(() => ID, { nullable: true })
  claimId?: string | null;

  @Field(() => ID, { nullable: true })
  eventId?: string | null;

  @Field(() => ID, { nullable: true })
  sourceId?: string | null;

  @Field(() => ID, { nullable: true })
  sourceRevisionId?: string | null;

  @Field(() => SelectorInput)
  selector: SelectorInput;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType({ description: 'Re-selects the words evidence rests on, in the same source (its current text unless a revision is named).' })
export class UpdateEvidenceInput extends UpdateInputBase {
  @Field(() => SelectorInput)
  selector: SelectorInput;

  @Field(() => ID, { nullable: true })
  sourceRevisionId?: string | null;
}

@ObjectType({ description: 'The quoted words with the text around them, for reading evidence in place.' })
export class QuoteInContext {
  @Field()
  before: string;

  @Field()
  exact: string;

  @Field()
  after: string;
}
