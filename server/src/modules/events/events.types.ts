import { Field, ObjectType } from 'type-graphql';
import { DatePrecision } from '../../core/dates/precision.js';
import { connectionType } from '../../core/paging/connection.js';
import { Event } from './event.entity.js';

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
