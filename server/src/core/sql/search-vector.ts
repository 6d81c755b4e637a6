import { Column } from 'typeorm';

/**
 * What full text search matches and ranks, kept with the row as a generated column (GIN-indexed by migration
 * SearchVectors): ranking used to derive it again from the text for every match. TypeORM never reads or writes it.
 */
export const SearchVector = (expression: string) =>
  Column({ type: 'tsvector', select: false, insert: false, update: false, generatedType: 'STORED', asExpression: expression });
