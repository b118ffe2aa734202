/**
 * Every fast-check property in the Node projects runs with a fixed seed (house style: fuzz
 * tests seeded, seed printed on failure — fast-check's failure message names the seed and
 * the path that reproduces it). A test may still pass its own `seed`; FUZZ_SEED=n explores
 * another one on purpose.
 */
import fc from 'fast-check';

const seed = Number(process.env.FUZZ_SEED ?? 20_151_215);
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
