/**
 * `npm run ingest:quality`: how the import's proposals on the seed article compare with the hand-curated seed
 * records (precision, recall, and what was missed), with no database: the same functions `importSource` runs.
 */
import { seedArticleQuality, type Score } from '../modules/ingest/quality.js';

const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
const line = (what: string, score: Score) =>
  `${what}: recall ${percent(score.recall)} (${score.found} of ${score.curated} curated found), precision ${percent(score.precision)} (${score.useful} of ${score.proposed} proposals match a curated one)`;

const quality = seedArticleQuality();
console.log(line('Claims', quality.claims));
console.log(line('Events', quality.events));
for (const missed of quality.events.missed) console.log(`  event not proposed: ${missed}`);
for (const missed of quality.claims.missed) console.log(`  claim not proposed: ${missed}`);
console.log(`New names proposed: ${quality.proposals.names.map((n) => n.name).join(', ')}`);
