import { Init1795872650600 } from './1795872650600-Init.js';

/** Every migration, in order. Listed rather than globbed so the compiled server and the tests load the same classes. */
export const migrations: Function[] = [Init1795872650600];
