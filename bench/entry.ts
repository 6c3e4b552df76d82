// What the benchmark calls, bundled by bench/run.mjs with esbuild (not part of the tsc build).
export { analyzeText, analysisSteps, isConfigFile } from '../src/engine/analyze';
export { runInSlices, SLICE_MS } from '../src/extension/slices';
export { YamlParser } from '../src/extension/yaml-parser';
export { detectFormat, parseConfig } from '../src/engine/formats';
export { collectConfigFiles, readText } from '../src/cli/walk';
export { runCheckCommand } from '../src/cli/check';
export { probe, probePorts } from '../src/probe';
// The yaml library alone, as src/engine/formats/yaml.ts calls it (to split the parse cost).
export { parseAllDocuments } from 'yaml';
