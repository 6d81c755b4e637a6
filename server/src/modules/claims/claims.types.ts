import { connectionType } from '../../core/paging/connection.js';
import { Claim } from './claim.entity.js';

export const ClaimConnection = connectionType(Claim, 'Claim');
