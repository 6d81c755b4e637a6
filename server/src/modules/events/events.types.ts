import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DatePrecision } from '../../core/dates/precision.js';
import { connectionType } from '../../core/paging/connection.js';
import { UpdateInputBase } from '../../core/revisions/revisions.types.js';
import { ReviewStatus } from '../review/review.enums.js';
import { Event } from './event.entity.js';
import { EventModality, ParticipantRole } from './events.enums.js';

export const EventConnection = connectionType(Event, 'Event');

@ObjectType({ description: 'A date known only to a precision: 2022-09 is `{ date: "2022-09-01", precision: MONTH }`.' })
export class FuzzyDate {
  @Field({ description: 'ISO date: the first day of the period.' })
  date: string;

  @Field(() => DatePrecision)
  precision: DatePrecision;

  @Field({ description: 'The last day of the period, so a client can tell what range the date covers.' })
  latest: string;
}

@InputType({ description: 'A date at a precision; `date` is the first day of its period (a Monday for WEEK).' })
export class FuzzyDateInput {
  @Field()
  date: string;

  @Field(() => DatePrecision)
  precision: DatePrecision;
}

@InputType()
export class ParticipantInput {
  @Field(() => ID)
  entityId: string;

  @Field(() => ParticipantRole)
  role: ParticipantRole;
}

@InputType()
export class CreateEventInput {
  @Field()
  title: string;

  @Field({ description: 'A code from the eventTypes vocabulary.' })
  type: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true })
  start?: FuzzyDateInput | null;

  @Field(() => FuzzyDateInput, { nullable: true })
  end?: FuzzyDateInput | null;

  @Field(() => String, { nullable: true, description: 'The source\'s own words for the time: "last week".' })
  timeExpression?: string | null;

  @Field(() => ID, { nullable: true })
  placeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The event this one is part of.' })
  parentId?: string | null;

  @Field(() => EventModality)
  modality: EventModality;

  @Field(() => [ParticipantInput], { nullable: true })
  participants?: ParticipantInput[];

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType({ description: 'Left-out fields stay as they are; `participants`, when given, replaces the whole list.' })
export class UpdateEventInput extends UpdateInputBase {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  type?: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true })
  start?: FuzzyDateInput | null;

  @Field(() => FuzzyDateInput, { nullable: true })
  end?: FuzzyDateInput | null;

  @Field(() => String, { nullable: true })
  timeExpression?: string | null;

  @Field(() => ID, { nullable: true })
  placeId?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => EventModality, { nullable: true })
  modality?: EventModality;

  @Field(() => [ParticipantInput], { nullable: true })
  participants?: ParticipantInput[];
}

@InputType({ description: 'Days from `from` to `to`, both included (ISO dates).' })
export class DateRangeInput {
  @Field()
  from: string;

  @Field()
  to: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Also events known only to a period that overlaps the range (a year, say), which may fall inside. True when left out.',
  })
  includePossible?: boolean | null;
}

@InputType({ description: 'Every condition given must hold.' })
export class EventFilter {
  @Field(() => [ReviewStatus], { nullable: true })
  status?: ReviewStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Codes from the eventTypes vocabulary.' })
  type?: string[] | null;

  @Field(() => [EventModality], { nullable: true })
  modality?: EventModality[] | null;

  @Field(() => ID, { nullable: true, description: 'Events this entity took part in.' })
  entityId?: string | null;

  @Field(() => ID, { nullable: true })
  placeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Events with evidence in this source.' })
  sourceId?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Events whose dates, at their precision, fall in this range.' })
  date?: DateRangeInput | null;
}
