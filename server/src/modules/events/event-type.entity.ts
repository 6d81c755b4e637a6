import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity } from 'typeorm';
import { VersionedRecord } from '../../core/record.js';

/** The vocabulary of event types, kept as rows so editors can extend it without a release. */
@ObjectType({ description: 'An entry in the vocabulary of event types.' })
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
