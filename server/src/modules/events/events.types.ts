import { Field, ID, InputType, ObjectType } from 'type-graphql';

import { DatePrecision } from '../../core/dates/precision.js';
import { connectionType } from '../../core/paging/connection.js';
import { ProposalState } from '../../core/proposals/proposal-state.js';
import { ReviewStatus } from '../../core/review/status.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { EvidenceSelectionInput } from '../evidence/evidence.types.js';
import { Event } from './event.entity.js';
import { EventModality, ParticipantRole } from './events.enums.js';

export const EventConnection = connectionType(Event, 'Event');

@ObjectType({ description: 'A date known only to a precision: 2022-09 is `{ date: "2022-09-01", precision: MONTH }`.' })
export class FuzzyDate {
  @Field({ description: 'ISO date: the first day of the period.' })
  date: string;

  @Field(() => DatePrecision, { description: 'How precisely the date is known.' })
  precision: DatePrecision;

  @Field({ description: 'The last day of the period, so a client can tell what range the date covers.' })
  latest: string;
}

@InputType({ description: 'A date at a precision; `date` is the first day of its period (a Monday for WEEK).' })
export class FuzzyDateInput {
  @Field({ description: 'YYYY-MM-DD: the day, or the first day of the week (a Monday), month or year.' })
  date: string;

  @Field(() => DatePrecision, { description: 'How precisely the date is known.' })
  precision: DatePrecision;
}

@InputType({
  description:
    'An entity in a role, or, for someone not yet in the store, a label (their name as the source gives it): one of the two. Each may take several roles, each once.',
})
export class ParticipantInput {
  @Field(() => ID, { nullable: true, description: 'The entity taking part; leave out (or null) when giving `label`.' })
  entityId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Who took part, as named in the source, when they are not an entity in the store: at most 300 characters. Leave out (or null) when giving `entityId`.',
  })
  label?: string | null;

  @Field(() => ParticipantRole, { description: 'Its part in the event.' })
  role: ParticipantRole;
}

@InputType({ description: 'A new event.' })
export class CreateEventInput {
  @Field({ description: 'A short headline; at most 500 characters.' })
  title: string;

  @Field({ description: 'A code from the eventTypes vocabulary.' })
  type: string;

  @Field(() => String, { nullable: true, description: 'What happened, in a few sentences.' })
  summary?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it happened or began.' })
  start?: FuzzyDateInput | null;

  @Field(() => FuzzyDateInput, {
    nullable: true,
    description: 'When it ended, for an event over a span: needs `start`, and not before it.',
  })
  end?: FuzzyDateInput | null;

  @Field(() => String, { nullable: true, description: 'The source\'s own words for the time: "last week".' })
  timeExpression?: string | null;

  @Field(() => ID, { nullable: true, description: 'The entity where it took place.' })
  placeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The event this one is part of.' })
  parentId?: string | null;

  @Field(() => EventModality, { description: 'Whether it happened, or is expected, planned or alleged.' })
  modality: EventModality;

  @Field(() => [ParticipantInput], { nullable: true, description: 'Who took part, each in a role.' })
  participants?: ParticipantInput[];

  @Field(() => [EvidenceSelectionInput], {
    nullable: true,
    description:
      'The words it rests on, anchored with it in one transaction: the event is not made if any of them is not in the text. At most 20.',
  })
  evidence?: EvidenceSelectionInput[];

  @Field(() => String, { nullable: true, description: 'The edit summary, kept in the revision.' })
  reason?: string | null;
}

@InputType({ description: 'Left-out fields stay as they are; `participants`, when given, replaces the whole list.' })
export class UpdateEventInput extends UpdateInputBase {
  @Field(() => String, { nullable: true, description: 'A short headline.' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'A code from the eventTypes vocabulary.' })
  type?: string;

  @Field(() => String, { nullable: true, description: 'What happened; null clears it.' })
  summary?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it happened or began; null clears it (and needs `end` cleared too).' })
  start?: FuzzyDateInput | null;

  @Field(() => FuzzyDateInput, { nullable: true, description: 'When it ended: not before `start`; null clears it.' })
  end?: FuzzyDateInput | null;

  @Field(() => String, { nullable: true, description: 'The source\'s own words for the time: "last week"; null clears it.' })
  timeExpression?: string | null;

  @Field(() => ID, { nullable: true, description: 'The entity where it took place; null clears it.' })
  placeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The event this one is part of; null clears it. A cycle of parts is refused.' })
  parentId?: string | null;

  @Field(() => EventModality, { nullable: true, description: 'Whether it happened, or is expected, planned or alleged.' })
  modality?: EventModality;

  @Field(() => [ParticipantInput], { nullable: true, description: 'Everyone who took part, each in a role: replaces the list.' })
  participants?: ParticipantInput[];
}

@InputType({ description: 'Days from `from` to `to`, both included (ISO dates).' })
export class DateRangeInput {
  @Field({ description: 'The first day of the range, YYYY-MM-DD.' })
  from: string;

  @Field({ description: 'The last day of the range, YYYY-MM-DD; not before `from`.' })
  to: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Also events known only to a period that overlaps the range (a year, say), which may fall inside. True when left out.',
  })
  includePossible?: boolean | null;
}

@InputType({ description: 'Every condition given must hold.' })
export class EventFilter {
  @Field(() => [ReviewStatus], {
    nullable: true,
    description: 'Events in any of these review statuses (anonymous callers and client apps only ever get VERIFIED and RETRACTED).',
  })
  status?: ReviewStatus[] | null;

  @Field(() => [ProposalState], { nullable: true, description: 'Events an import proposed, PENDING (waiting for an editor) or ACCEPTED.' })
  proposal?: ProposalState[] | null;

  @Field(() => [String], { nullable: true, description: 'Codes from the eventTypes vocabulary.' })
  type?: string[] | null;

  @Field(() => [EventModality], { nullable: true, description: 'Events with any of these modalities.' })
  modality?: EventModality[] | null;

  @Field(() => ID, { nullable: true, description: 'Events this entity took part in.' })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Events that took place at this entity.' })
  placeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Events with evidence in this source.' })
  sourceId?: string | null;

  @Field(() => DateRangeInput, {
    nullable: true,
    description: 'Events whose dates, at their precision, fall in this range; undated events never match.',
  })
  date?: DateRangeInput | null;
}
