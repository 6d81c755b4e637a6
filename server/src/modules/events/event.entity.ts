import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { DatePrecision } from '../../core/dates/precision.js';
import { ProposalState } from '../../core/proposals/proposal-state.js';
import { Node, VersionedRecord } from '../../core/record.js';
import { declareKind, type KindInput, type KindState, rowsIn } from '../../core/records/declaration.js';
import { ReviewStatus } from '../../core/review/status.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { SearchVector } from '../../core/sql/search-vector.js';
import { dateMatchesPrecision, nullOrOneOf, oneOf } from '../../db/checks.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { EventType } from './event-type.entity.js';
import { EventModality, ParticipantRole } from './events.enums.js';

@ObjectType({ implements: Node, description: 'Something that happened, or is expected to.' })
@Entity('events')
@Check('CHK_events_title', `length(btrim("title")) > 0`)
@Check('CHK_events_modality', oneOf('modality', EventModality))
@Check('CHK_events_status', oneOf('status', ReviewStatus))
@Check('CHK_events_proposal', nullOrOneOf('proposal', ProposalState))
@Index('IDX_events_proposals_pending', ['createdAt', 'id'], { where: `"proposal" = 'PENDING'` })
@Check('CHK_events_start_precision', nullOrOneOf('start_precision', DatePrecision))
@Check('CHK_events_end_precision', nullOrOneOf('end_precision', DatePrecision))
@Check('CHK_events_start', dateMatchesPrecision('start_date', 'start_precision'))
@Check('CHK_events_end', dateMatchesPrecision('end_date', 'end_precision'))
@Check('CHK_events_end_after_start', `"end_date" IS NULL OR ("start_date" IS NOT NULL AND "end_date" >= "start_date")`)
@Check('CHK_events_not_own_parent', `"parent_id" IS NULL OR "parent_id" <> "id"`)
@Index('IDX_events_status_created', ['status', 'createdAt', 'id'])
@Index('IDX_events_created', ['createdAt', 'id'])
@Index('IDX_events_search', { synchronize: false })
@Index('IDX_events_start', ['startDate'])
export class Event extends VersionedRecord {
  @Field({ description: 'A short headline for the event.' })
  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 40 })
  typeCode: string;

  @ManyToOne(() => EventType, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'type_code', referencedColumnName: 'code' })
  type?: EventType;

  @Field(() => String, { nullable: true, description: 'What happened, in a few sentences.' })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @SearchVector(`to_tsvector('english', "title" || ' ' || coalesce("summary", ''))`)
  searchVector?: string;

  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  startPrecision: DatePrecision | null;

  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  endPrecision: DatePrecision | null;

  /** The source's own words for the time: "last week". */
  @Column({ type: 'varchar', length: 300, nullable: true })
  timeExpression: string | null;

  @Column({ type: 'uuid', nullable: true })
  placeId: string | null;

  @ManyToOne(() => EntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'place_id' })
  place?: EntityRecord;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Event;

  @Field(() => EventModality, { description: 'Whether it happened, or is expected, planned or alleged.' })
  @Column({ type: 'varchar', length: 16 })
  modality: EventModality;

  @Field(() => ReviewStatus, {
    description: 'Where it stands in review; anonymous callers and client apps see VERIFIED and RETRACTED events only.',
  })
  @Column({ type: 'varchar', length: 16, default: ReviewStatus.DRAFT })
  status: ReviewStatus;

  /** Set on a VERIFIED event while a correction of its source has reworded evidence it was verified on (see `reReview`). */
  @Column({ type: 'timestamptz', nullable: true })
  reReviewPendingSince: Date | null;

  @Field(() => ProposalState, {
    nullable: true,
    description: 'Set when an import proposed it: PENDING until an editor accepts it; null for records made by hand.',
  })
  @Column({ type: 'varchar', length: 12, nullable: true })
  proposal: ProposalState | null;

  /** For a PENDING proposal: the stored event it tells again, which merging it adds its words to as evidence. */
  @Column({ type: 'uuid', nullable: true })
  corroboratesId: string | null;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'corroborates_id' })
  corroborates?: Event;
}

/**
 * The one key a participant row has, whoever it names: an entity's id, or a label for someone not yet in the store
 * (no uuid begins "label:"). A primary key cannot hold the null that the other of the two leaves.
 */
const PARTICIPANT_KEY = `coalesce("entity_id"::text, 'label:' || "label")`;

/** Who took part in an event and how; part of the event's state, revised with it. */
@ObjectType({ description: 'An entity, or a name not yet in the store, taking part in an event in a role.' })
@Entity('event_participants')
@Check('CHK_event_participants_role', oneOf('role', ParticipantRole))
@Check('CHK_event_participants_entity_or_label', `("entity_id" IS NULL) <> ("label" IS NULL)`)
@Check('CHK_event_participants_label', `"label" IS NULL OR length(btrim("label")) > 0`)
@Index('IDX_event_participants_entity', ['entityId'])
export class EventParticipant {
  @PrimaryColumn('uuid')
  eventId: string;

  @PrimaryColumn({ type: 'text', generatedType: 'STORED', asExpression: PARTICIPANT_KEY, insert: false, update: false })
  participantKey?: string;

  /** Absent from a state (and null in a row) when a label stands for the participant. */
  @Column({ type: 'uuid', nullable: true })
  entityId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Who took part, named as the source names them, when they are not (yet) an entity in the store; null when `entity` is given.',
  })
  @Column({ type: 'varchar', length: 300, nullable: true })
  label?: string | null;

  @Field(() => ParticipantRole, { description: 'Its part in the event.' })
  @PrimaryColumn({ type: 'varchar', length: 16 })
  role: ParticipantRole;

  @ManyToOne(() => Event, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id' })
  event?: Event;

  @ManyToOne(() => EntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entity_id' })
  entity?: EntityRecord;
}

/** One participant as an event's state holds it: `{entityId, role}` or `{label, role}`, never both. */
export type ParticipantState = Pick<EventParticipant, 'entityId' | 'label' | 'role'>;

/** One participant in one role, as the table's primary key tells them apart (`PARTICIPANT_KEY` and the role). */
export const participantKey = (p: ParticipantState): string => `${p.entityId ?? `label:${p.label}`}/${p.role}`;

/** The state's order, as the state query sorts it: labels (no id) first, then entities by id; then the role. */
export const byParticipant = (a: ParticipantState, b: ParticipantState): number =>
  (a.entityId ?? '').localeCompare(b.entityId ?? '') || (a.label ?? '').localeCompare(b.label ?? '') || a.role.localeCompare(b.role);

/**
 * An event's state is its row and its participants, read with the version bump and written in one statement, as
 * a claim's is. The service checks an editor's fields: its input gives dates as {date, precision} and the type by code.
 */
export const EventRecord = declareKind(RecordType.EVENT, Event, {
  fields: {
    title: { empty: '', revertable: true },
    typeCode: { empty: '', revertable: true },
    summary: { empty: null, revertable: true },
    startDate: { empty: null, revertable: true },
    startPrecision: { empty: null, revertable: true },
    endDate: { empty: null, revertable: true },
    endPrecision: { empty: null, revertable: true },
    timeExpression: { empty: null, revertable: true },
    placeId: { empty: null, revertable: true },
    parentId: { empty: null, revertable: true },
    modality: { empty: EventModality.OCCURRED, revertable: true },
    status: { empty: ReviewStatus.DRAFT, workflow: true },
    reReviewPendingSince: { empty: null, workflow: true },
    proposal: { empty: null, workflow: true },
    corroboratesId: { empty: null, workflow: true },
  },
  links: {
    participants: rowsIn(EventParticipant, 'eventId', ['entityId', 'label', 'role'], { revertable: true }),
  },
});

export type EventState = KindState<typeof EventRecord>;
/** What an editor sets on an event; status and proposal are the workflows'. */
export type EventInput = KindInput<typeof EventRecord>;
