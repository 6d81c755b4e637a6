import { describe, expect, it } from 'vitest';

import { RESOURCES, toRecord } from './resources';

/** An event's participant is an entity or, for someone not yet in the store, a label: the form edits either. */
describe('event participants in the console', () => {
  const events = RESOURCES.events!;

  it('reads a label participant into the form as a label, and an entity one as its id', () => {
    const record = toRecord(events, {
      id: 'e1',
      participantList: [
        { role: 'AGENT', label: null, entity: { id: 'x1', name: 'Ana Costa' } },
        { role: 'PARTICIPANT', label: 'Ngozi Okafor', entity: null },
      ],
    });
    expect(record.participants).toEqual([
      { entityId: 'x1', role: 'AGENT' },
      { label: 'Ngozi Okafor', role: 'PARTICIPANT' },
    ]);
  });

  it('sends the entity once one is chosen, else the label, never both', () => {
    const input = events.toInput!({
      title: 'Talks',
      participants: [
        { entityId: 'x1', label: 'typed before choosing', role: 'AGENT' },
        { entityId: null, label: 'Ngozi Okafor', role: 'PARTICIPANT' },
      ],
    });
    expect(input.participants).toEqual([
      { entityId: 'x1', role: 'AGENT' },
      { label: 'Ngozi Okafor', role: 'PARTICIPANT' },
    ]);
  });
});
