import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "A signed checkpoint of the revision log: an RFC 6962 Merkle tree head over every record's chain head, as of one position in the log. Anyone holding the public key (`/exports/checkpoints/public-key`) can check that nothing it covered was later removed or rewritten.",
})
export class Checkpoint {
  @Field({ description: 'Its place in the checkpoints table.' })
  id: string;

  @Field({ description: "The highest revision id it covers: each record's chain head is its latest revision up to this id." })
  logPosition: string;

  @Field(() => Int, { description: 'How many chains (leaves) the tree holds.' })
  treeSize: number;

  @Field({
    description:
      'Hex SHA-256 root of the tree; each leaf is the canonical JSON `[recordType, recordId, version, hash]` of one chain head, sorted by record type, then id, as bytes.',
  })
  rootHash: string;

  @Field(() => Date, { description: 'When it was made and signed.' })
  createdAt: Date;

  @Field({ description: 'Hex SHA-256 of the signing public key (SubjectPublicKeyInfo, DER).' })
  keyId: string;

  @Field({ description: 'Base64 Ed25519 signature over the checkpoint text (see docs/reliability.md).' })
  signature: string;
}
