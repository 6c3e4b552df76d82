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

/**
 * Keys that give one document of a multi-document file its own environment: Spring Boot's
 * `spring.config.activate.on-profile` (2.4+) and the older `spring.profiles`. Their value is a profile
 * name, a list or an expression (`prod | staging`, `!test`); negated names do not count.
 */
const DOCUMENT_PROFILE_KEYS: readonly string[] = ['spring config activate on profile', 'spring profiles'];

/** The environment a document's profile key names, if any: `on-profile: prod` makes that document production. */
export function documentEnvironment(keyWords: string, value: string | null): Environment | undefined {
  if (value === null || !DOCUMENT_PROFILE_KEYS.includes(keyWords)) return undefined;
  const names = value
    .toLowerCase()
    .split(/[\s,|&()]+/)
    .filter((name) => name && !name.startsWith('!'));
  const words = names.flatMap((name) => name.split(/[._-]+/));
  if (words.some((word) => PRODUCTION_WORDS.has(word))) return 'production';
  if (words.some((word) => DEVELOPMENT_WORDS.has(word))) return 'development';
  return undefined;
}
