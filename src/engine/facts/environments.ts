// Which deployment environment a config file is for, from its path and from the markers it sets.
// Words are matched as whole tokens of the path or value (split on / . _ -).

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
export const DOCUMENT_PROFILE_KEYS: readonly string[] = ['spring config activate on profile', 'spring profiles'];

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

/**
 * Settings that name the environment the whole file runs in, for files whose path says nothing:
 * snipe-it's `.env.docker` sets `APP_ENV=production`. Matched as the last words of an entry's path
 * (`services.app.environment.NODE_ENV` too).
 */
export const ENVIRONMENT_MARKER_KEYS: readonly string[] = [
  'app env', 'node env', 'rails env', 'rack env', 'mix env', 'flask env', 'aspnetcore environment', 'dotnet environment',
  'django settings module', 'spring profiles active',
];

/** The environment a marker setting names, if the entry is one: `APP_ENV=production`, `DJANGO_SETTINGS_MODULE=app.settings.prod`. */
export function markerEnvironment(keyWords: string, value: string | null): Environment | undefined {
  if (value === null || !ENVIRONMENT_MARKER_KEYS.some((key) => keyWords === key || keyWords.endsWith(` ${key}`))) return undefined;
  const words = value.toLowerCase().split(/[\s,._-]+/).filter(Boolean);
  if (words.some((word) => PRODUCTION_WORDS.has(word))) return 'production';
  if (words.some((word) => DEVELOPMENT_WORDS.has(word))) return 'development';
  return undefined;
}

/** The environment a name says (`mailer-prod`, `production`, `shop-staging`): its words, as a path's. */
export function nameEnvironment(name: string | null | undefined): Environment | undefined {
  if (!name) return undefined;
  const words = name.toLowerCase().split(/[\s,._\-/]+/).filter(Boolean);
  if (words.some((word) => PRODUCTION_WORDS.has(word))) return 'production';
  if (words.some((word) => DEVELOPMENT_WORDS.has(word))) return 'development';
  return undefined;
}

/**
 * Names that say which environment a document runs in, where the path says nothing: a Compose file's project
 * `name:` (compose-spec 04-version-and-name.md) and a Kubernetes object's `metadata.namespace` and `metadata.name`
 * (a document with a root `kind`). The namespace comes first: `name: mailer` in namespace `production` is production.
 */
export function documentNameEnvironment(entries: readonly { path: readonly string[]; value: string | null }[], isCompose: boolean): Environment | undefined {
  if (isCompose) return nameEnvironment(entries.find((entry) => entry.path.length === 1 && entry.path[0] === 'name')?.value);
  if (!entries.some((entry) => entry.path.length === 1 && entry.path[0] === 'kind')) return undefined;
  const field = (name: string) => entries.find((entry) => entry.path.length === 2 && entry.path[0] === 'metadata' && entry.path[1] === name)?.value;
  return nameEnvironment(field('namespace')) ?? nameEnvironment(field('name'));
}

/** A Compose service's name as a marker for its own settings (`services.app-prod.environment.*`), where nothing else says. */
export function serviceEnvironment(path: readonly string[], isCompose: boolean): Environment | undefined {
  return isCompose && path[0] === 'services' && path.length > 2 ? nameEnvironment(path[1]) : undefined;
}
