import type { CheckpointsService } from './checkpoints.service.js';

/**
 * Makes a checkpoint every `intervalSeconds` when the log has moved. Every server runs this; two finding the
 * log moved at once both sign the same position, which costs a row and proves the same. Returns the stop.
 */
export function startPeriodicCheckpoints(
  checkpoints: CheckpointsService,
  intervalSeconds: number,
  log: (message: string, error?: unknown) => void,
): () => void {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    const started = Date.now();
    running = checkpoints
      .createIfMoved()
      .then((made) => {
        if (made)
          log(
            `Checkpoint at log position ${made.logPosition}: ${made.treeSize} chains, root ${made.rootHash} (${Date.now() - started} ms)`,
          );
      })
      .catch((error: unknown) => log('Checkpoint failed; the next interval tries again', error))
      .finally(() => (running = null));
  }, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
