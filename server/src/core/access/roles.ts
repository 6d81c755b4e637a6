import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  REVIEWER = 'REVIEWER',
  CLIENT = 'CLIENT',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a caller may do; no role at all is an anonymous caller. docs/access.md has the full table.',
  valuesConfig: {
    ADMIN: { description: 'Manages users and API keys, and may do all that editors and reviewers do.' },
    EDITOR: { description: 'Creates and changes records and sends them to review; reads drafts and history.' },
    REVIEWER: { description: 'Judges claims and events in review; reads drafts and history and writes notes, but changes no records.' },
    CLIENT: { description: "A client app's API key: reads what anonymous callers read." },
  },
});

/** Who may create and change records. */
export const EDITORS = [Role.EDITOR, Role.ADMIN] as const;
/** Who may judge records in review. */
export const REVIEWERS = [Role.REVIEWER, Role.ADMIN] as const;
/** Who may see unreviewed records and the revision log. */
export const STAFF = [Role.EDITOR, Role.REVIEWER, Role.ADMIN] as const;
