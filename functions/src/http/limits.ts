/** The submit routes' per-user limit is declared with their route definitions (shared/src/routes/define.ts). */
export { SUBMIT_RATE_LIMIT } from '@jiebang/shared/routes/define';
