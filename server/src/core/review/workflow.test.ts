import { describe, expect, it } from 'vitest';

import { ReviewStatus } from './status.js';
import { decide, ReviewDecision, statusAfterEdit } from './workflow.js';

describe('review transitions', () => {
  it('follow DESIGN.md and nothing else', () => {
    const allowed: string[] = [];
    for (const status of Object.values(ReviewStatus)) {
      for (const decision of Object.values(ReviewDecision)) {
        const next = decide(status, decision);
        if (next) allowed.push(`${status} -${decision}-> ${next}`);
      }
    }
    expect(allowed.sort()).toEqual([
      'IN_REVIEW -DISPUTE-> DISPUTED',
      'IN_REVIEW -REJECT-> REJECTED',
      'IN_REVIEW -VERIFY-> VERIFIED',
      'VERIFIED -RETRACT-> RETRACTED',
    ]);
  });

  it('send a judged record back to review when its content changes, and refuse to change a retracted one', () => {
    expect(statusAfterEdit(ReviewStatus.VERIFIED)).toBe(ReviewStatus.IN_REVIEW);
    expect(statusAfterEdit(ReviewStatus.DISPUTED)).toBe(ReviewStatus.IN_REVIEW);
    expect(statusAfterEdit(ReviewStatus.DRAFT)).toBe(ReviewStatus.DRAFT);
    expect(() => statusAfterEdit(ReviewStatus.RETRACTED)).toThrow(/retracted record is final/);
  });
});
