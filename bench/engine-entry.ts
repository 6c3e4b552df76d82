// The engine alone, for "module load + first analysis of a typical .env" (bench/run.mjs).
export { analyzeText } from '../src/engine/analyze';
