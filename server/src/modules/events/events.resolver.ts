import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';

import { EDITORS } from '../../core/access/roles.js';
import { ConfirmsSessionInEdit } from '../../core/access/session-check.js';
import { seesUnreviewed, writeContextOf } from '../../core/access/viewer.js';
import { DateMatch, type DatePrecision, endOfPeriod, matchRange, parseIsoDate, refinesDate } from '../../core/dates/precision.js';
import { ListArgs } from '../../core/paging/connection.js';
import { ProposalState } from '../../core/proposals/proposal-state.js';
import { ReReview, reReviewOf } from '../../core/review/re-review.js';
import { ReviewStatus } from '../../core/review/status.js';
import { ReviewStep } from '../../core/review/steps.js';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import { Reads } from '../../core/sql/needs.js';
import { preloadedOr } from '../../core/sql/preload.js';
import { selectionOf } from '../../core/sql/selection.js';
import { historicalState } from '../../core/time-travel/time-travel.js';
import { InputCheck } from '../../core/validation.js';
import { canSee, reviewStepsSeenBy, seenThrough } from '../../core/visibility/visibility.js';
import type { RequestContext } from '../../graphql/context.js';
import { EntityRecord, entityTombstone } from '../entities/entity.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { Event, EventParticipant, type EventState } from './event.entity.js';
import { EventType } from './event-type.entity.js';
import { CreateEventInput, EventConnection, EventFilter, FuzzyDate, UpdateEventInput } from './events.types.js';

const fuzzyDate = (date: string | null, precision: DatePrecision | null): FuzzyDate | null =>
  date && precision ? { date, precision, latest: endOfPeriod(date, precision) } : null;

@Resolver(() => Event)
export class EventsResolver {
  @Query(() => Event, {
    nullable: true,
    description: 'An event by id; null if there is none, it is deleted, or it is not VERIFIED or RETRACTED and you are not staff.',
  })
  event(
    @Arg('id', () => ID, { description: "The event's id." }) id: string,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('asOf', () => Date, {
      nullable: true,
      description:
        'Read the record as it stood at this moment, from its revisions: its own fields and links then; evidence, reviews and records it leads to as they are now.',
    })
    asOf?: Date,
    @Arg('includeDeleted', () => Boolean, { nullable: true, description: 'Staff only: find it even if deleted.' }) includeDeleted?: boolean,
  ) {
    return services.events.get(viewer, id, { asOf, includeDeleted });
  }

  @Query(() => EventConnection, {
    description:
      'Events, most recently recorded first (by creation, not by when they happened) unless `order` says otherwise; ' +
      'anonymous callers and client apps get VERIFIED and RETRACTED ones only.',
  })
  events(
    @Args() args: ListArgs,
    @Ctx() { services, viewer, loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => EventFilter, { nullable: true, description: 'Narrows the list; every condition given must hold.' })
    filter?: EventFilter,
  ) {
    return services.events.list(viewer, args, filter ?? {}, loaders.eventPage(selectionOf(info)));
  }

  @Query(() => [EventType], { description: 'The vocabulary of event types, by code.' })
  eventTypes(@Ctx() { services }: RequestContext) {
    return services.events.listTypes();
  }

  @Authorized(...EDITORS)
  @Mutation(() => Event, { description: 'Creates an event, with its participants, as a DRAFT. For editors and admins.' })
  async createEvent(
    @Arg('input', { description: 'Its title, type, dates, place, participants and modality.' }) input: CreateEventInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    const written = await services.events.create(writeContextOf(viewer, requestId, idempotency), input);
    return services.events.lifecycle.current(written.revision.recordId);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => Event, {
    description: "Changes an event's fields; a VERIFIED, DISPUTED or REJECTED event goes back to IN_REVIEW. For editors and admins.",
  })
  updateEvent(
    @Arg('input', { description: 'The event, the version you read, and the fields to change.' }) input: UpdateEventInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.events.update(writeContextOf(viewer, requestId, idempotency), input);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => Event, { description: 'Soft-deletes an event; its evidence and the claims about it stay. For editors and admins.' })
  deleteEvent(
    @Arg('input', { description: 'The event, the version you read, and why.' }) input: DeleteInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.events.lifecycle.delete(writeContextOf(viewer, requestId, idempotency), input);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => Event, { description: 'Brings a deleted event back, in the review status it had. For editors and admins.' })
  restoreEvent(
    @Arg('input', { description: 'The deleted event and the version you read.' }) input: RestoreInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.events.lifecycle.restore(writeContextOf(viewer, requestId, idempotency), { ...input, reason: input.reason ?? null });
  }

  @FieldResolver(() => ReReview, {
    nullable: true,
    description:
      'Set while a correction of its source, saved after it was verified, awaits re-review: it stays published as last verified (its evidence the words it was verified on) until a reviewer judges it again.',
  })
  @Reads('status', 'reReviewPendingSince')
  reReview(@Root() event: Event): ReReview | null {
    return reReviewOf(event);
  }

  @FieldResolver(() => EventType, { description: 'What kind of event it is, from the eventTypes vocabulary.' })
  @Reads('typeCode')
  type(@Root() event: Event, @Ctx() { loaders }: RequestContext) {
    return loaders.eventTypeByCode.load(event.typeCode);
  }

  @FieldResolver(() => FuzzyDate, { nullable: true, description: 'When it happened or began, at the precision known; null if undated.' })
  @Reads('startDate', 'startPrecision')
  start(@Root() event: Event): FuzzyDate | null {
    return fuzzyDate(event.startDate, event.startPrecision);
  }

  @FieldResolver(() => FuzzyDate, { nullable: true, description: 'When it ended, for an event over a span; null otherwise.' })
  @Reads('endDate', 'endPrecision')
  end(@Root() event: Event): FuzzyDate | null {
    return fuzzyDate(event.endDate, event.endPrecision);
  }

  @FieldResolver(() => DateMatch, { description: 'Whether the event, dated at its precision, falls between two days (both included).' })
  @Reads('startDate', 'startPrecision', 'endDate', 'endPrecision')
  dateMatch(
    @Root() event: Event,
    @Arg('from', { description: 'The first day of the range, YYYY-MM-DD.' }) from: string,
    @Arg('to', { description: 'The last day of the range, YYYY-MM-DD.' }) to: string,
  ): DateMatch {
    const check = new InputCheck();
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (!parseIsoDate(value)) check.fail(name, 'must be a calendar date written YYYY-MM-DD');
    check.done();
    const latest = event.startDate ? endOfPeriod(event.endDate ?? event.startDate, (event.endPrecision ?? event.startPrecision)!) : null;
    return matchRange(event.startDate, latest, from, to);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The source\'s own words for the time: "last week".' })
  timeExpression(@Root() event: Event): string | null {
    return event.timeExpression;
  }

  @FieldResolver(() => EntityRecord, { nullable: true, description: 'Where it took place.' })
  @Reads('placeId')
  async place(@Root() event: Event, @Ctx() { loaders, viewer }: RequestContext) {
    return event.placeId ? seenThrough(viewer, await loaders.entityById.load(event.placeId), entityTombstone) : null;
  }

  @FieldResolver(() => Event, {
    nullable: true,
    description:
      'For a PENDING proposal: the stored event it tells again (same type, someone in both, dates that meet); `mergeProposal` adds its words there as evidence, and dates it more precisely when this one is (`datesMorePrecisely`). Null otherwise, and when you may not see that event.',
  })
  @Reads('corroboratesId', 'proposal')
  async corroborates(@Root() event: Event, @Ctx() { loaders, viewer }: RequestContext) {
    if (!event.corroboratesId || event.proposal !== ProposalState.PENDING) return null;
    const target = await loaders.eventById.load(event.corroboratesId);
    return target && canSee(viewer, target) ? target : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether merging this proposal into the event it corroborates raises that event's date precision: its own start is finer and inside the stored one's period.",
  })
  @Reads('corroboratesId', 'proposal', 'startDate', 'startPrecision')
  async datesMorePrecisely(@Root() event: Event, @Ctx() { loaders }: RequestContext): Promise<boolean> {
    if (!event.corroboratesId || event.proposal !== ProposalState.PENDING || !event.startDate || !event.startPrecision) return false;
    const target = await loaders.eventById.load(event.corroboratesId);
    return !!target && refinesDate({ date: event.startDate, precision: event.startPrecision }, target);
  }

  @FieldResolver(() => Event, { nullable: true, description: 'The event this one is part of; null too when you may not see it.' })
  @Reads('parentId')
  async parent(@Root() event: Event, @Ctx() { loaders, viewer }: RequestContext) {
    if (!event.parentId) return null;
    const parent = await loaders.eventById.load(event.parentId);
    return canSee(viewer, parent) ? parent : null;
  }

  @FieldResolver(() => [Event], { description: 'The events that are part of this one and that you may see, earliest first.' })
  @Reads()
  async parts(@Root() event: Event, @Ctx() { loaders, viewer }: RequestContext) {
    return (await loaders.eventsByParentId.load(event.id)).filter((part) => canSee(viewer, part));
  }

  @FieldResolver(() => [EventParticipant], { description: 'Who took part, and in what role.' })
  @Reads()
  participants(@Root() event: Event, @Ctx() { loaders }: RequestContext) {
    const past = historicalState<EventState>(event);
    if (past) return past.participants.map((p) => Object.assign(new EventParticipant(), { eventId: event.id, ...p }));
    return loaders.participantsByEventId.load(event.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'A reviewer withdrew this event after verifying it: shown, but flagged, so no one relies on it.',
  })
  @Reads('status')
  retracted(@Root() event: Event): boolean {
    return event.status === ReviewStatus.RETRACTED;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Who last changed what it says, its fields or the evidence it rests on, as the revision log names them (`user:<id>`, ...): the one person who may not judge it. Staff only; null for others.',
  })
  @Reads()
  async lastEditedBy(@Root() event: Event, @Ctx() { loaders, viewer }: RequestContext): Promise<string | null> {
    if (!seesUnreviewed(viewer)) return null;
    return (await loaders.lastContentChangeOfEvent.load(event.id))?.actor ?? null;
  }

  @FieldResolver(() => [ReviewStep], {
    description:
      'Its way through review, oldest first: for staff, who sent it, who judged it, when and why; for others, its verdicts and when.',
  })
  @Reads()
  async reviews(@Root() event: Event, @Ctx() { loaders, viewer }: RequestContext) {
    return reviewStepsSeenBy(
      viewer,
      (await loaders.reviewStepsByRecordId.load(event.id)).map((row) => row.step),
    );
  }

  @FieldResolver(() => [Evidence], { description: 'The quotes in sources it rests on; deleted evidence is left out.' })
  @Reads()
  evidence(@Root() event: Event, @Ctx() { loaders }: RequestContext) {
    return preloadedOr(event, 'evidence', () => loaders.evidenceByEventId.load(event.id));
  }
}

@Resolver(() => EventParticipant)
export class EventParticipantsResolver {
  @FieldResolver(() => EntityRecord, { nullable: true, description: 'Who took part; null when a `label` names them instead.' })
  async entity(@Root() participant: EventParticipant, @Ctx() { loaders, viewer }: RequestContext) {
    if (!participant.entityId) return null;
    return seenThrough(viewer, await loaders.entityById.load(participant.entityId), entityTombstone);
  }
}
