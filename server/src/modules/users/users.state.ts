import type { EntityManager } from 'typeorm';
import { sha256Hex } from '../../core/revisions/canonical-json.js';
import { deletionColumns, deletionState, recordColumns } from '../../core/revisions/deletable.js';
import type { DeletableState, RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { User } from './user.entity.js';
import type { Role } from './users.enums.js';

export interface UserState extends DeletableState {
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  /**
   * Shows in the log that the password changed without putting its hash, which an attacker could try to
   * crack, into a table that can never be cleaned. The hash itself is written only by the users service.
   */
  passwordDigest: string | null;
}

const columnsOf = (state: Pick<UserState, 'email' | 'name' | 'roles' | 'disabled'>) => ({
  email: state.email,
  name: state.name,
  roles: state.roles,
  disabled: state.disabled,
});

export const UserRecord: RecordKind<UserState, User> = {
  recordType: RecordType.USER,
  table: 'users',
  entity: User,
  revertable: [],
  async loadState(manager: EntityManager, id: string) {
    const user = await manager.findOneBy(User, { id });
    return user && UserRecord.stateOfRow!(user);
  },
  stateOfRow(user) {
    return {
      ...columnsOf(user),
      roles: [...user.roles].sort(),
      passwordDigest: user.passwordHash ? sha256Hex(user.passwordHash).slice(0, 16) : null,
      ...deletionState(user),
    };
  },
  async saveState(manager, id, state) {
    await manager.update(User, { id }, { ...columnsOf(state), ...deletionColumns(state) });
  },
  hydrate(meta, state) {
    return Object.assign(new User(), columnsOf(state), recordColumns(meta, state));
  },
};
