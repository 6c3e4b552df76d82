// Which deployment environment a config file is for, from its path.
// Words are matched as whole tokens of the path (split on / . _ -).

export type Environment = 'production' | 'development' | 'unknown';

const PRODUCTION_WORDS = new Set(['prod', 'production', 'live', 'prd']);
const DEVELOPMENT_WORDS = new Set([
  'dev',
  'development',
  'local',
  'test',
  'testing',
  'ci',
  'example',
  'sample',
  'dist',
  'template',
  'override',
]);

export function environmentOf(filePath: string): Environment {
  const words = filePath.toLowerCase().split(/[\\/._-]+/).filter(Boolean);
  if (words.some((word) => DEVELOPMENT_WORDS.has(word))) return 'development';
  if (words.some((word) => PRODUCTION_WORDS.has(word))) return 'production';
  return 'unknown';
}

/** Example and template files hold placeholders, not real secrets. */
export function isExampleFile(filePath: string): boolean {
  const words = filePath.toLowerCase().split(/[\\/._-]+/);
  return words.some((word) => ['example', 'sample', 'dist', 'template', 'tmpl', 'defaults'].includes(word));
}
