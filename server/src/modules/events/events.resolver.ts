import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateMatch, endOfPeriod, matchRange, parseIsoDate, type DatePrecision } from '../../core/dates/precision.js';
import { InputCheck } from '../../core/validation.js';
import { ListArgs } from '../../core/paging/connection.js';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import { Claim } from '../claims/claim.entity.js';
import type { RequestContext } from '../context.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { historicalState } from '../history/history.service.js';
import { ReviewStatus } from '../review/review.enums.js';
import { ReviewStep } from '../review/review.history.js';
import { canSee } from '../review/visibility.js';
import { EDITORS } from '../users/users.enums.js';
import { writeContextOf } from '../users/viewer.js';
import { EventType } from './event-type.entity.js';
import { Event, EventParticipant } from './event.entity.js';
import type { EventState } from './events.state.js';
import { CreateEventInput, EventConnection, EventFilter, FuzzyDate, UpdateEventInput } from './events.types.js';

const fuzzyDate = (date: string | null, precision: DatePrecision | null): FuzzyDate | null =>
  date && precision ? { date, precision, latest: endOfPeriod(date, precision) } : null;

@Resolver(() => Event)
export class EventsResolver {
  @Query(() => Event, { nullable: true })
  event(
    @Arg('id', () => ID) id: string,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('asOf', () => Date, { nullable: true, description: 'Read the record as it stood at this moment, from its revisions.' }) asOf?: Date,
    @Arg('includeDeleted', () => Boolean, { nullable: true, description: 'Staff only: find it even if deleted.' }) includeDeleted?: boolean,
  ) {
    return services.events.get(viewer, id, { asOf, includeDeleted });
  }

  @Query(() => EventConnection)
  events(
    @Args() args: ListArgs,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('filter', () => EventFilter, { nullable: true }) filter?: EventFilter,
  ) {
    return services.events.list(viewer, args, filter ?? {});
  }

  @Query(() => [EventType], { description: 'The vocabulary of event types.' })
  eventTypes(@Ctx() { services }: RequestContext) {
    return services.events.listTypes();
  }

  @Authorized(...EDITORS)
  @Mutation(() => Event, { description: 'Creates an event, with its participants, as a DRAFT.' })
  async createEvent(@Arg('input') input: CreateEventInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    const written = await services.events.create(writeContextOf(viewer, requestId, idempotency), input);
    return services.events.current(written.revision.recordId);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Event)
  updateEvent(@Arg('input') input: UpdateEventInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.events.update(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Event)
  deleteEvent(@Arg('input') input: DeleteInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.events.delete(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Event)
  restoreEvent(@Arg('input') input: RestoreInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.events.restore(writeContextOf(viewer, requestId, idempotency), { ...input, reason: input.reason ?? null });
  }

  @FieldResolver(() => EventType)
  type(@Root() event: Event, @Ctx() { loaders }: RequestContext) {
    return loaders.eventTypeByCode.load(event.typeCode);
  }

  @FieldResolver(() => FuzzyDate, { nullable: true })
  start(@Root() event: Event): FuzzyDate | null {
    return fuzzyDate(event.startDate, event.startPrecision);
  }

  @FieldResolver(() => FuzzyDate, { nullable: true })
  end(@Root() event: Event): FuzzyDate | null {
    return fuzzyDate(event.endDate, event.endPrecision);
  }

  @FieldResolver(() => DateMatch, { description: 'Whether the event, dated at its precision, falls between two days (both included).' })
  dateMatch(@Root() event: Event, @Arg('from') from: string, @Arg('to') to: string): DateMatch {
    const check = new InputCheck();
    for (const [name, value] of [['from', from], ['to', to]] as const) if (!parseIsoDate(value)) check.fail(name, 'must be a calendar date written YYYY-MM-DD');
    check.done();
    const latest = event.startDate ? endOfPeriod(event.endDate ?? event.startDate, (event.endPrecision ?? event.startPrecision)!) : null;
    return matchRange(event.startDate, latest, from, to);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The source\'s own words for the time: "last week".' })
  timeExpression(@Root() event: Event): string | null {
    return event.timeExpression;
  }

  @FieldResolver(() => EntityRecord, { nullable: true })
  place(@Root() event: Event, @Ctx() { loaders }: RequestContext) {
    return event.placeId ? loaders.entityById.load(event.placeId) : null;
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The event this one is part of.' })
  async parent(@Root() event: Event, @Ctx() { loaders, viewer }: RequestContext) {
    if (!event.parentId) return null;
    const parent = await loaders.eventById.load(event.parentId);
    return canSee(viewer, parent) ? parent : null;
  }

  @FieldResolver(() => [Event], { description: 'The events that are part of this one.' })
  async parts(@Root() event: Event, @Ctx() { loaders, viewer }: RequestContext) {
    return (await loaders.eventsByParentId.load(event.id)).filter((part) => canSee(viewer, part));
  }

  @FieldResolver(() => [EventParticipant])
  participants(@Root() event: Event, @Ctx() { loaders }: RequestContext) {
    const past = historicalState<EventState>(event);
    if (past) return past.participants.map((p) => Object.assign(new EventParticipant(), { eventId: event.id, ...p }));
    return loaders.participantsByEventId.load(event.id);
  }

  @FieldResolver(() => [Claim], { description: 'The claims about this event.' })
  async claims(@Root() event: Event, @Ctx() { loaders, viewer }: RequestContext) {
    return (await loaders.claimsByEventId.load(event.id)).filter((claim) => canSee(viewer, claim));
  }

  @FieldResolver(() => Boolean, { description: 'A reviewer withdrew this event after verifying it: shown, but flagged, so no one relies on it.' })
  retracted(@Root() event: Event): boolean {
    return event.status === ReviewStatus.RETRACTED;
  }

  @FieldResolver(() => [ReviewStep], { description: 'Its way through review, oldest first: who sent it, who judged it, when and why.' })
  async reviews(@Root() event: Event, @Ctx() { loaders }: RequestContext) {
    return (await loaders.reviewStepsByRecordId.load(event.id)).map((row) => row.step);
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() event: Event, @Ctx() { loaders }: RequestContext) {
    return loaders.evidenceByEventId.load(event.id);
  }
}

@Resolver(() => EventParticipant)
export class EventParticipantsResolver {
  @FieldResolver(() => EntityRecord)
  entity(@Root() participant: EventParticipant, @Ctx() { loaders }: RequestContext) {
    return loaders.entityById.load(participant.entityId);
  }
}
