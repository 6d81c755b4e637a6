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

  @Field({ description: 'The text just before the quote: up to 32 characters (UTF-16 code units), fewer at the start of the text.' })
  prefix: string;

  @Field({ description: 'The text just after the quote: up to 32 characters (UTF-16 code units), fewer at the end of the text.' })
  suffix: string;

  @Field(() => Int, { description: 'Where the quote starts: 0-based, in Unicode code points.' })
  start: number;

  @Field(() => Int, { description: 'Where the quote ends, excluded, in Unicode code points.' })
  end: number;
}

@InputType({
  description:
    'Where the words are: `exact`, with `prefix`/`suffix` to choose among repeats, or with `start`/`end` ' +
    '(code points) from a selection; positions, when given, must hold exactly `exact`.',
})
export class SelectorInput {
  @Field({ description: 'The words, exactly as in the text; at most 10,000 characters.' })
  exact: string;

  @Field(() => String, { nullable: true, description: 'Text that ends right where the quote begins, to pick one of its repeats.' })
  prefix?: string | null;

  @Field(() => String, { nullable: true, description: 'Text that begins right where the quote ends, to pick one of its repeats.' })
  suffix?: string | null;

  @Field(() => Int, { nullable: true, description: 'Where the quote starts: 0-based, in code points; give it with `end`.' })
  start?: number | null;

  @Field(() => Int, { nullable: true, description: 'Where the quote ends, excluded, in code points; give it with `start`.' })
  end?: number | null;
}

@InputType({ description: 'Words in a source that a new claim or event rests on: in its current text unless a snapshot is named.' })
export class EvidenceSelectionInput {
  @Field(() => ID, { nullable: true, description: 'The source: the words are looked for in its current text.' })
  sourceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A particular snapshot of the text; used instead of `sourceId` when given.' })
  sourceRevisionId?: string | null;

  @Field(() => SelectorInput, { description: 'The words it rests on.' })
  selector: SelectorInput;
}

@InputType({
  description: 'Evidence for a claim or for an event (one of the two), in a source: its current text unless a revision is named.',
})
export class CreateEvidenceInput extends EvidenceSelectionInput {
  @Field(() => ID, { nullable: true, description: 'The claim it supports; give this or `eventId`.' })
  claimId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The event it supports; give this or `claimId`.' })
  eventId?: string | null;

  @Field(() => String, { nullable: true, description: 'The edit summary, kept in the revision.' })
  reason?: string | null;
}

@InputType({ description: 'Re-selects the words evidence rests on, in the same source (its current text unless a revision is named).' })
export class UpdateEvidenceInput extends UpdateInputBase {
  @Field(() => SelectorInput, { description: 'The words, selected again; the evidence is ANCHORED on them.' })
  selector: SelectorInput;

  @Field(() => ID, { nullable: true, description: "A snapshot of the same source's text; its current text when left out." })
  sourceRevisionId?: string | null;
}

@InputType({ description: 'Confirms that the words a correction moved FUZZY evidence to are the words it rests on.' })
export class ConfirmEvidenceInput {
  @Field(() => ID, { description: 'The FUZZY evidence.' })
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one fails with CONFLICT and the current version.' })
  expectedVersion: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why these words hold, kept in the revision; "Confirmed these words" when left out.',
  })
  reason?: string | null;
}

@ObjectType({ description: 'The quoted words with the text around them, for reading evidence in place.' })
export class QuoteInContext {
  @Field({ description: 'The text before the quote, up to the characters asked for.' })
  before: string;

  @Field({ description: "The quoted words, read from the revision's text at the selector's positions." })
  exact: string;

  @Field({ description: 'The text after the quote, up to the characters asked for.' })
  after: string;
}
