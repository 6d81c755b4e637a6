import { Init1795872650600 } from './1795872650600-Init.js';
import { AppRole1795874420789 } from './1795874420789-AppRole.js';
import { IdempotencyKeys1795874875409 } from './1795874875409-IdempotencyKeys.js';
import { LoginFailures1795875087388 } from './1795875087388-LoginFailures.js';
import { RevisionsByActor1795875258440 } from './1795875258440-RevisionsByActor.js';
import { SearchIndexes1795875887836 } from './1795875887836-SearchIndexes.js';
import { Proposals1795885260300 } from './1795885260300-Proposals.js';
import { NewestFirstIndexes1795887054821 } from './1795887054821-NewestFirstIndexes.js';
import { SearchVectors1795894363284 } from './1795894363284-SearchVectors.js';
import { AppLogin1795900200000 } from './1795900200000-AppLogin.js';
import { Checkpoints1795900300000 } from './1795900300000-Checkpoints.js';
import { LoginAttempts1796521486787 } from './1796521486787-LoginAttempts.js';
import { SessionGeneration1796521609488 } from './1796521609488-SessionGeneration.js';
import { ClaimCheckWorthiness1796529600000 } from './1796529600000-ClaimCheckWorthiness.js';
import { Corroboration1796540171036 } from './1796540171036-Corroboration.js';
import { LogVerifications1796600000000 } from './1796600000000-LogVerifications.js';
import { ReceiptRequestLimit1796700000000 } from './1796700000000-ReceiptRequestLimit.js';
import { RevisionTransactions1796800000000 } from './1796800000000-RevisionTransactions.js';
import { FeedAcrossRestores1796850000000 } from './1796850000000-FeedAcrossRestores.js';
import { ReReviewAfterCorrection1796900000000 } from './1796900000000-ReReviewAfterCorrection.js';
import { ImportBatches1796950000000 } from './1796950000000-ImportBatches.js';
import { PartitionedRevisions1796980000000 } from './1796980000000-PartitionedRevisions.js';
import { ParticipantLabels1797000000000 } from './1797000000000-ParticipantLabels.js';

/** Every migration, in order. Listed rather than globbed so the compiled server and the tests load the same classes. */
export const migrations: Function[] = [
  Init1795872650600,
  AppRole1795874420789,
  IdempotencyKeys1795874875409,
  LoginFailures1795875087388,
  RevisionsByActor1795875258440,
  SearchIndexes1795875887836,
  Proposals1795885260300,
  NewestFirstIndexes1795887054821,
  SearchVectors1795894363284,
  AppLogin1795900200000,
  Checkpoints1795900300000,
  LoginAttempts1796521486787,
  SessionGeneration1796521609488,
  ClaimCheckWorthiness1796529600000,
  Corroboration1796540171036,
  LogVerifications1796600000000,
  ReceiptRequestLimit1796700000000,
  RevisionTransactions1796800000000,
  FeedAcrossRestores1796850000000,
  ReReviewAfterCorrection1796900000000,
  ImportBatches1796950000000,
  PartitionedRevisions1796980000000,
  ParticipantLabels1797000000000,
];
