/**
 * `npm run ingest:quality`: how the import's proposals compare with readings written by hand, with no database (the
 * same functions `importSource` runs): on the seed article against its curated records, then on every article of
 * the development set (server/test/ingest-dev), of the held-out set (server/test/ingest-holdout) and of the blind sets
 * (server/test/ingest-blind, ingest-blind2 to ingest-blind16) against its gold reading.
 * `--set dev|holdout|blind|blind2|blind3|blind4|blind5|blind6|blind7|blind8|blind9|blind10|blind11|blind12|blind13|blind14|blind15|blind16` scores one set only; `--misses`
 * lists each article's wrong claimants, junk names and wrong events, for a blind set only when it is named with
 * `--set`, so its misses stay unread while rules are tuned. Then, across sources (server/test/ingest-stories,
 * `--set stories`): for pairs of articles on one story, the reworded claims and retold happenings of the second
 * offered as corroboration of the first's, and whether the two are grouped as one story; a pair whose first article
 * is of a blind set lists its misses only with `--set stories`. Last, every article of the sets read against every
 * other: corroborations offered between different stories, listed by `--set stories --misses`.
 */
import {
  acrossSetsQuality,
  type ArticleQuality,
  devSetQuality,
  EVALUATION_SETS,
  type Ratio,
  type Score,
  seedArticleQuality,
  storiesQuality,
} from '../modules/ingest/quality.js';

const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
const line = (what: string, score: Score) =>
  `${what}: recall ${percent(score.recall)} (${score.found} of ${score.curated} curated found), precision ${percent(score.precision)} (${score.useful} of ${score.proposed} proposals match a curated one)`;

const quality = seedArticleQuality();
console.log('Seed article');
console.log(line('Claims', quality.claims));
console.log(line('Events', quality.events));
for (const missed of quality.events.missed) console.log(`  event not proposed: ${missed}`);
for (const missed of quality.claims.missed) console.log(`  claim not proposed: ${missed}`);
console.log(`New names proposed: ${quality.proposals.names.map((n) => n.name).join(', ')}`);

const ratio = (r: Ratio) => (r.of === 0 ? '   –' : `${percent(r.right / r.of).padStart(4)} ${`${r.right}/${r.of}`.padEnd(5)}`);
const columns = ['claim precision', 'claimants', 'event recall', 'event precision', 'dates', 'junk names', 'names found', 'ms'];
const row = (name: string, a: Omit<ArticleQuality, 'file' | 'wrongClaimants' | 'junk' | 'missedNames' | 'wrongEvents'>) =>
  `| ${name} | ${[a.claimPrecision, a.claimants, a.eventRecall, a.eventPrecision, a.dates, a.junkNames, a.namesFound].map(ratio).join(' | ')} | ${a.milliseconds.toFixed(0)} |`;

const args = process.argv.slice(2);
const chosen = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const allSets = EVALUATION_SETS;
const sets = allSets.filter((set) => chosen === undefined || set.key === chosen);
if (sets.length === 0 && chosen !== 'stories')
  throw new Error(`--set is ${allSets.map((set) => set.key).join(', ')} or stories, not ${chosen}`);

for (const set of sets) {
  const articles = devSetQuality(set.dir);
  const sum = (pick: (a: ArticleQuality) => Ratio): Ratio => ({
    right: articles.reduce((n, a) => n + pick(a).right, 0),
    of: articles.reduce((n, a) => n + pick(a).of, 0),
  });
  console.log(`\n${set.name}: ${articles.length} articles`);
  console.log(`| article | ${columns.join(' | ')} |`);
  console.log(`| --- |${' --- |'.repeat(columns.length)}`);
  for (const article of articles) console.log(row(article.file.replace(/\.yaml$/, ''), article));
  console.log(
    row('**total**', {
      claimPrecision: sum((a) => a.claimPrecision),
      claimants: sum((a) => a.claimants),
      eventRecall: sum((a) => a.eventRecall),
      eventPrecision: sum((a) => a.eventPrecision),
      dates: sum((a) => a.dates),
      junkNames: sum((a) => a.junkNames),
      namesFound: sum((a) => a.namesFound),
      milliseconds: Math.max(...articles.map((a) => a.milliseconds)),
    }),
  );
  console.log('(ms: time to propose on one article; the total row gives the slowest)');
  // A blind set's misses show only when it is asked for by name: a bare `--misses` while tuning must not leak them.
  if (!args.includes('--misses') || (set.blind && chosen !== set.key)) continue;
  for (const article of articles) {
    for (const wrong of article.wrongClaimants) console.log(`  ${article.file}: claimant ${wrong}`);
    if (article.junk.length > 0) console.log(`  ${article.file}: junk names ${article.junk.join(', ')}`);
    if (article.missedNames.length > 0) console.log(`  ${article.file}: names missed ${article.missedNames.join(', ')}`);
    for (const wrong of article.wrongEvents) console.log(`  ${article.file}: event ${wrong}`);
  }
}

if (chosen === undefined || chosen === 'stories') {
  const stories = storiesQuality();
  const sum = (pick: (s: (typeof stories)[number]) => Ratio): Ratio => ({
    right: stories.reduce((n, s) => n + pick(s).right, 0),
    of: stories.reduce((n, s) => n + pick(s).of, 0),
  });
  const storyColumns = ['suggestions found', 'wrong suggestions', 'events found', 'grouped', 'unrelated suggestions', 'unrelated grouped'];
  const storyRow = (
    name: string,
    found: Ratio,
    wrong: Ratio,
    events: Ratio,
    grouped: string,
    unrelated: number,
    unrelatedGrouped: number,
  ) => `| ${name} | ${[found, wrong, events].map(ratio).join(' | ')} | ${grouped} | ${unrelated} | ${unrelatedGrouped} |`;
  console.log(`\nAcross sources: ${stories.length} pairs of articles on one story`);
  console.log(`| second article | ${storyColumns.join(' | ')} |`);
  console.log(`| --- |${' --- |'.repeat(storyColumns.length)}`);
  for (const s of stories)
    console.log(
      storyRow(
        s.file.replace(/\.yaml$/, ''),
        s.suggestions,
        s.wrongSuggestions,
        s.events,
        s.grouped ? 'yes' : 'no',
        s.unrelatedSuggestions,
        s.unrelatedGrouped,
      ),
    );
  console.log(
    storyRow(
      '**total**',
      sum((s) => s.suggestions),
      sum((s) => s.wrongSuggestions),
      sum((s) => s.events),
      `${stories.filter((s) => s.grouped).length}/${stories.length}`,
      stories.reduce((n, s) => n + s.unrelatedSuggestions, 0),
      stories.reduce((n, s) => n + s.unrelatedGrouped, 0),
    ),
  );
  const times = stories.map((s) => s.milliseconds).sort((a, b) => a - b);
  console.log(
    `(reading a second article against every first article, comparisons only: median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, at most ${times[times.length - 1]!.toFixed(0)} ms)`,
  );
  const acrossSets = acrossSetsQuality();
  console.log(
    `Across all sets' ${acrossSets.articles} articles, each read against every other: ${acrossSets.sameStory} corroborations offered within a story, ${acrossSets.otherStories.length} between different stories`,
  );
  // Likewise a pair whose first article is of a blind set shows its misses only when the stories are asked for by name.
  const blindFirst = (first: string) => allSets.some((set) => set.blind && first.startsWith(`ingest-${set.key}/`));
  if (args.includes('--misses'))
    for (const s of stories)
      if (chosen === 'stories' || !blindFirst(s.first)) for (const miss of s.misses) console.log(`  ${s.file}: ${miss}`);
  if (args.includes('--misses') && chosen === 'stories')
    for (const wrong of acrossSets.otherStories) console.log(`  across sets: ${wrong}`);
}
