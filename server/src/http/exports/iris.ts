import type { EntityManager } from 'typeorm';

import { createUserLoaders } from '../../modules/users/users.loaders.js';

export type RecordKindName = 'claim' | 'event' | 'evidence' | 'entity' | 'source' | 'source-revision';

/** A revision's `actor`: a person (`user:<id>`), a client app (`api-key:<id>`), or a run (`seed:<file>`, ...). */
function parseActor(actor: string): { kind: 'user' | 'api-key' | 'run'; id: string } {
  const match = /^(user|api-key):(.+)$/.exec(actor);
  return match ? { kind: match[1] as 'user' | 'api-key', id: match[2]! } : { kind: 'run', id: actor };
}

/**
 * Names for what an export describes, minted under the configured PUBLIC_URL (never a request's Host header,
 * which is the client's to send), so every export from one deployment names a record alike and they can be
 * merged. `/id/...` dereferences them (linked-data.ts); terms no standard vocabulary has live under `/ns#`.
 */
export class Iris {
  readonly vocabulary: string;
  /** The store itself, as the publisher of its reviews where the reviewer is not named. */
  readonly publisher: string;

  constructor(readonly origin: string) {
    this.vocabulary = `${origin}/ns#`;
    this.publisher = `${origin}/id/publisher`;
  }

  record(kind: RecordKindName, id: string): string {
    return `${this.origin}/id/${kind}/${id}`;
  }

  /** One version of a record: what its revision `version` left. */
  version(kind: RecordKindName, id: string, version: number): string {
    return `${this.record(kind, id)}/version/${version}`;
  }

  /** A reviewer's judgement of a claim, published as the review its `version` recorded. */
  review(claimId: string, version: number): string {
    return `${this.record('claim', claimId)}/review/${version}`;
  }

  /** The write that made a version, by its place in the global revision log. */
  revision(logId: string): string {
    return `${this.origin}/id/revision/${logId}`;
  }

  agent(actor: string): string {
    const { kind, id } = parseActor(actor);
    return `${this.origin}/id/${kind}/${encodeURIComponent(id)}`;
  }
}

export interface Agent {
  actor: string;
  iri: string;
  /** A person signed in; otherwise software: a client app's key, or a seed or import run. */
  isPerson: boolean;
  /** A run's name is public; a person's or a key's only staff see, as in the revision log. */
  name: string | null;
}

/** Who wrote revisions, by their `actor`, with names looked up in batches and kept for the rest of the export. */
export class Agents {
  private readonly loaders: ReturnType<typeof createUserLoaders>;

  constructor(
    manager: EntityManager,
    private readonly iris: Iris,
    private readonly showNames: boolean,
  ) {
    this.loaders = createUserLoaders(manager);
  }

  async describe(actors: Iterable<string>): Promise<Map<string, Agent>> {
    const described = await Promise.all([...new Set(actors)].map((actor) => this.one(actor)));
    return new Map(described.map((agent) => [agent.actor, agent]));
  }

  private async one(actor: string): Promise<Agent> {
    const { kind, id } = parseActor(actor);
    const agent = { actor, iri: this.iris.agent(actor), isPerson: kind === 'user' };
    if (kind === 'run') return { ...agent, name: actor };
    if (!this.showNames) return { ...agent, name: null };
    const named = kind === 'user' ? await this.loaders.userById.load(id) : await this.loaders.apiKeyById.load(id);
    return { ...agent, name: named?.name ?? null };
  }
}
