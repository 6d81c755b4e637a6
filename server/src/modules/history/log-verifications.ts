import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DataSource } from 'typeorm';

import { DomainError, ErrorCode } from '../../core/errors.js';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.js';
import { auditLog, type LogProblem } from './log-audit.js';

export enum LogVerificationStatus {
  RUNNING = 'RUNNING',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  ERROR = 'ERROR',
}

registerEnumType(LogVerificationStatus, {
  name: 'LogVerificationStatus',
  description: 'Where a check of the whole log stands.',
  valuesConfig: {
    RUNNING: { description: 'Still checking; `revisions` of `totalRevisions` so far.' },
    PASSED: { description: 'Every chain verifies, replays and matches its row, and the checkpoints verify.' },
    FAILED: { description: 'Problems were found: `firstBreak` and `checkpointProblems` name them.' },
    ERROR: { description: 'The check could not finish (the server stopped, the database failed): `error` says why.' },
  },
});

@ObjectType({ description: 'One check of the whole revision log and its signed checkpoints, as someone started it.' })
export class LogVerification {
  @Field({ description: 'Its place in the list of checks.' })
  id: string;

  @Field({ description: 'Who started it, as the revision log names actors.' })
  startedBy: string;

  @Field(() => Date, { description: 'When it was started.' })
  startedAt: Date;

  @Field(() => Date, { description: 'When it last reported progress.' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it ended; null while it runs.' })
  finishedAt: Date | null;

  @Field(() => LogVerificationStatus, { description: 'Running, passed, failed or broken off.' })
  status: LogVerificationStatus;

  @Field(() => Int, { description: 'How many revisions the log held when the check began: what `revisions` counts towards.' })
  totalRevisions: number;

  @Field(() => Int, { description: 'Records checked so far.' })
  records: number;

  @Field(() => Int, { description: 'Revisions checked so far.' })
  revisions: number;

  @Field(() => Int, { description: 'Problems found in the chains, replays and rows.' })
  problems: number;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: 'The first problem: `{ kind, recordType, recordId, version, problem }`, as `verifyRevisionChain` names it.',
  })
  firstBreak: LogProblem | null;

  @Field(() => Int, { nullable: true, description: 'Stored checkpoints whose signatures were checked.' })
  checkpointsChecked: number | null;

  @Field(() => Int, { nullable: true, description: 'Checkpoints whose trees were recomputed from the log and compared.' })
  checkpointsRecomputed: number | null;

  @Field(() => [String], {
    nullable: true,
    description: 'What is wrong with the checkpoints: a bad signature, or a log that no longer gives a signed tree.',
  })
  checkpointProblems: string[] | null;

  @Field(() => String, { nullable: true, description: 'Why it could not finish, when its status is ERROR.' })
  error: string | null;
}

/** A running check that has not reported for this long was on a server that stopped: it is shown as ERROR and blocks no other. */
const SILENT = `interval '10 minutes'`;

const COLUMNS = `id::text, started_by AS "startedBy", started_at AS "startedAt", updated_at AS "updatedAt", finished_at AS "finishedAt",
  CASE WHEN status = 'RUNNING' AND updated_at < now() - ${SILENT} THEN 'ERROR' ELSE status END AS status,
  total_revisions::int AS "totalRevisions", records::int, revisions::int, problems, first_break AS "firstBreak",
  checkpoints_checked AS "checkpointsChecked", checkpoints_recomputed AS "checkpointsRecomputed", checkpoint_problems AS "checkpointProblems",
  CASE WHEN status = 'RUNNING' AND updated_at < now() - ${SILENT} THEN 'It stopped reporting progress: its server stopped' ELSE error END AS error`;

/**
 * "Verify now": a check of the whole log that runs after the request that started it, reporting its progress in
 * its row after each batch, so a console polling it shows how far it got. One runs at a time per store, whichever
 * server started it.
 */
export class LogVerificationsService {
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly checkpoints: CheckpointsService,
    private readonly log: (message: string, error?: unknown) => void = () => undefined,
  ) {}

  async start(startedBy: string): Promise<LogVerification> {
    const started = await this.dataSource.transaction(async (manager) => {
      // One check at a time across every server: concurrent starts queue on this lock until the first commits its
      // row, so the next reads it (each statement of READ COMMITTED sees what committed before it) and is refused.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('provenance-store:log-verification'))`);
      const [running] = (await manager.query(
        `SELECT started_at AS "startedAt" FROM log_verifications WHERE status = 'RUNNING' AND updated_at >= now() - ${SILENT}
          ORDER BY started_at DESC LIMIT 1`,
      )) as Array<{ startedAt: Date }>;
      if (running)
        throw new DomainError(ErrorCode.CONFLICT, `A check of the log is running already (started ${running.startedAt.toISOString()})`);
      const [{ id }] = (await manager.query(
        `INSERT INTO log_verifications (started_by, total_revisions) SELECT $1, count(*) FROM revisions RETURNING id::text`,
        [startedBy],
      )) as [{ id: string }];
      // Read before the check begins: on a small log it can finish before a read after it, and the caller asked to start one.
      const [started] = (await manager.query(`SELECT ${COLUMNS} FROM log_verifications WHERE id = $1`, [id])) as [LogVerification];
      return started;
    });
    this.running = this.run(started.id).finally(() => (this.running = null));
    return started;
  }

  /** Resolves when the check this server runs, if any, is over: for a clean stop, and for tests. */
  async settled(): Promise<void> {
    await this.running;
  }

  async list(limit: number): Promise<LogVerification[]> {
    return (await this.dataSource.query(`SELECT ${COLUMNS} FROM log_verifications ORDER BY started_at DESC, id DESC LIMIT $1`, [
      limit,
    ])) as LogVerification[];
  }

  private async run(id: string): Promise<void> {
    try {
      const audit = await auditLog(this.dataSource, {}, 100, (progress) =>
        this.dataSource
          .query(`UPDATE log_verifications SET records = $2, revisions = $3, problems = $4, updated_at = now() WHERE id = $1`, [
            id,
            progress.records,
            progress.revisions,
            progress.problems.length,
          ])
          .then(() => undefined),
      );
      const checkpoints = await this.checkpoints.verify(this.checkpoints.publicKey);
      const failed = audit.problems.length > 0 || checkpoints.problems.length > 0;
      await this.dataSource.query(
        `UPDATE log_verifications SET status = $2, finished_at = now(), updated_at = now(), records = $3, revisions = $4, problems = $5,
                first_break = $6, checkpoints_checked = $7, checkpoints_recomputed = $8, checkpoint_problems = $9 WHERE id = $1`,
        [
          id,
          failed ? LogVerificationStatus.FAILED : LogVerificationStatus.PASSED,
          audit.records,
          audit.revisions,
          audit.problems.length,
          audit.problems[0] ? JSON.stringify(audit.problems[0]) : null,
          checkpoints.checked,
          checkpoints.recomputed,
          JSON.stringify(checkpoints.problems.map(({ logPosition, problem }) => `position ${logPosition}: ${problem}`)),
        ],
      );
    } catch (error) {
      this.log(`Log verification ${id} failed`, error);
      await this.dataSource
        .query(`UPDATE log_verifications SET status = 'ERROR', finished_at = now(), updated_at = now(), error = $2 WHERE id = $1`, [
          id,
          error instanceof Error ? error.message : String(error),
        ])
        .catch((cause: unknown) => this.log(`Log verification ${id} could not record its failure`, cause));
    }
  }
}
