/**
 * Property tests run on a pinned seed so that a run is repeatable: FC_SEED=<n> picks another one. fast-check
 * prints the seed (and the path to the counterexample) in every failure; replay with FC_SEED=<seed>.
 */
import fc from 'fast-check';

export const FC_SEED = process.env.FC_SEED === undefined ? 20_261_201 : Number(process.env.FC_SEED);
if (!Number.isSafeInteger(FC_SEED)) throw new Error(`FC_SEED must be an integer, not ${process.env.FC_SEED}`);

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: FC_SEED });
