import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity } from 'typeorm';

import { Node, VersionedRecord } from '../../core/record.js';
import { declareKind, type KindState } from '../../core/records/declaration.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';

/** The vocabulary of event types, kept as rows so editors can extend it without a release. */
@ObjectType({ implements: Node, description: 'An entry in the vocabulary of event types.' })
@Entity('event_types')
@Check('CHK_event_types_code', `"code" ~ '^[A-Z][A-Z0-9_]*$'`)
export class EventType extends VersionedRecord {
  @Field({ description: 'Its code, upper case: "MILITARY_EXERCISE"; what `CreateEventInput.type` takes.' })
  @Column({ type: 'varchar', length: 40, unique: true })
  code: string;

  @Field({ description: 'Its name for people: "Military exercise".' })
  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Field(() => String, { nullable: true, description: 'What the type covers.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;
}

/** The service checks the code's form and that it is free. */
export const EventTypeRecord = declareKind(RecordType.EVENT_TYPE, EventType, {
  fields: {
    code: { empty: '' },
    label: { empty: '', revertable: true },
    description: { empty: null, revertable: true },
  },
});

export type EventTypeState = KindState<typeof EventTypeRecord>;
