import type { EntityManager } from 'typeorm';
import type { TextSelector } from '../../core/anchoring/text-quote.js';
import { deletionColumns, deletionState, recordColumns } from '../../core/revisions/deletable.js';
import type { DeletableState, RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import type { AnchorStatus } from './evidence.enums.js';
import { Evidence } from './evidence.entity.js';

export interface EvidenceState extends DeletableState {
  claimId: string | null;
  eventId: string | null;
  sourceRevisionId: string;
  selector: TextSelector;
  anchorStatus: AnchorStatus;
}

const columnsOf = (state: EvidenceState) => ({
  claimId: state.claimId,
  eventId: state.eventId,
  sourceRevisionId: state.sourceRevisionId,
  exact: state.selector.exact,
  prefix: state.selector.prefix,
  suffix: state.selector.suffix,
  startPos: state.selector.start,
  endPos: state.selector.end,
  anchorStatus: state.anchorStatus,
});

export const EvidenceRecord: RecordKind<EvidenceState, Evidence> = {
  recordType: RecordType.EVIDENCE,
  table: 'evidence',
  entity: Evidence,
  revertable: ['sourceRevisionId', 'selector', 'anchorStatus'],
  async loadState(manager: EntityManager, id: string) {
    const evidence = await manager.findOneBy(Evidence, { id });
    return evidence && EvidenceRecord.stateOfRow!(evidence);
  },
  stateOfRow(evidence) {
    return {
      claimId: evidence.claimId,
      eventId: evidence.eventId,
      sourceRevisionId: evidence.sourceRevisionId,
      selector: { exact: evidence.exact, prefix: evidence.prefix, suffix: evidence.suffix, start: evidence.startPos, end: evidence.endPos },
      anchorStatus: evidence.anchorStatus,
      ...deletionState(evidence),
    };
  },
  async saveState(manager, id, state) {
    await manager.update(Evidence, { id }, { ...columnsOf(state), ...deletionColumns(state) });
  },
  hydrate(meta, state) {
    return Object.assign(new Evidence(), columnsOf(state), recordColumns(meta, state));
  },
};
