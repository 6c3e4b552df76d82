// Environment lookups with fallbacks, per format: the fallback is the value when nothing we read sets the variable.
import { strict as assert } from 'node:assert';
import { resolveEnvironment, type EnvironmentVariable } from '../../../src/engine/environment';
import { parseConfig } from '../../../src/engine/formats';
import type { FormatId } from '../../../src/engine/types';

interface Case {
  name: string;
  file: string;
  format: FormatId;
  text: string;
  key: string;
  /** The resolved value, and the text its range covers (the fallback); undefined: not resolved. */
  value?: string | null;
  range?: string;
  variables?: Record<string, string>;
}

const CASES: Case[] = [
  { name: 'dotenv ${X:-25}', file: '.env', format: 'dotenv', text: 'SMTP_PORT=${SMTP_PORT:-25}\n', key: 'SMTP_PORT', value: '25', range: '25' },
  { name: 'dotenv ${X-25}', file: '.env', format: 'dotenv', text: 'SMTP_PORT="${PORT-25}"\n', key: 'SMTP_PORT', value: '25', range: '25' },
  { name: 'dotenv ${X:=25}', file: '.env', format: 'dotenv', text: 'SMTP_PORT=${PORT:=25}\n', key: 'SMTP_PORT', value: '25', range: '25' },
  { name: 'dotenv: an earlier line sets the variable', file: '.env', format: 'dotenv', text: 'PORT=465\nSMTP_PORT=${PORT:-25}\n', key: 'SMTP_PORT', value: '465', range: '${PORT:-25}' },
  { name: 'Compose list item', file: 'docker-compose.yml', format: 'yaml', text: 'services:\n  app:\n    environment:\n      - SMTP_PORT=${SMTP_PORT:-465}\n', key: 'SMTP_PORT', value: '465', range: '465' },
  { name: 'Compose map, quoted', file: 'compose.yaml', format: 'yaml', text: 'services:\n  app:\n    environment:\n      SMTP_PORT: "${SMTP_PORT:-465}"\n', key: 'SMTP_PORT', value: '465', range: '465' },
  { name: 'Kubernetes env value', file: 'deploy.yaml', format: 'yaml', text: 'env:\n  - name: SMTP_PORT\n    value: "${SMTP_PORT:-587}"\n', key: 'SMTP_PORT', value: '587', range: '587' },
  { name: 'a variable set in another file', file: 'docker-compose.yml', format: 'yaml', text: 'services:\n  app:\n    environment:\n      SMTP_PORT: ${SMTP_PORT:-465}\n', key: 'SMTP_PORT', value: '587', range: '${SMTP_PORT:-465}', variables: { SMTP_PORT: '587' } },
  { name: '${X} without a fallback stays a template', file: 'docker-compose.yml', format: 'yaml', text: 'x:\n  SMTP_PORT: ${SMTP_PORT}\n', key: 'SMTP_PORT' },
  { name: 'JSON value', file: 'config.json', format: 'json', text: '{"smtp": {"port": "${SMTP_PORT:-465}"}}', key: 'port', value: '465', range: '465' },
  { name: 'INI value', file: 'app.ini', format: 'ini', text: '[mailer]\nSMTP_PORT = ${SMTP_PORT:-465}\n', key: 'SMTP_PORT', value: '465', range: '465' },
  { name: 'TOML value', file: 'config.toml', format: 'toml', text: '[smtp]\nport = "${SMTP_PORT:-465}"\n', key: 'port', value: '465', range: '465' },
  { name: 'Spring ${X:587} in properties', file: 'application.properties', format: 'properties', text: 'spring.mail.port=${SMTP_PORT:587}\n', key: 'port', value: '587', range: '587' },
  { name: 'Spring ${X:587} in application.yml', file: 'src/main/resources/application.yml', format: 'yaml', text: 'spring:\n  mail:\n    port: ${SMTP_PORT:587}\n', key: 'port', value: '587', range: '587' },
  { name: 'Spring reads ${X:-25} as the default "-25": not resolved', file: 'application.properties', format: 'properties', text: 'spring.mail.port=${SMTP_PORT:-25}\n', key: 'port' },
  { name: 'os.getenv', file: 'settings.py', format: 'assignments', text: 'import os\nEMAIL_PORT = os.getenv("EMAIL_PORT", "25")\n', key: 'EMAIL_PORT', value: '25', range: '"25"' },
  { name: 'int(os.environ.get)', file: 'settings.py', format: 'assignments', text: 'import os\nEMAIL_PORT = int(os.environ.get("EMAIL_PORT", 465))\n', key: 'EMAIL_PORT', value: '465', range: '465' },
  { name: 'os.environ.get(X) or "25"', file: 'settings.py', format: 'assignments', text: 'import os\nEMAIL_PORT = os.environ.get("EMAIL_PORT") or "25"\n', key: 'EMAIL_PORT', value: '25', range: '"25"' },
  { name: 'django-environ env(X, default=)', file: 'settings.py', format: 'assignments', text: 'import environ\nEMAIL_HOST = env("EMAIL_HOST", default="smtp.x.com")\n', key: 'EMAIL_HOST', value: 'smtp.x.com', range: '"smtp.x.com"' },
  { name: 'django-environ env.int(X, default=)', file: 'settings.py', format: 'assignments', text: 'import environ\nEMAIL_PORT = env.int("EMAIL_PORT", default=587)\n', key: 'EMAIL_PORT', value: '587', range: '587' },
  { name: 'django-environ env.bool(X, True)', file: 'settings.py', format: 'assignments', text: 'import environ\nEMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", True)\n', key: 'EMAIL_USE_SSL', value: 'true', range: 'True' },
  { name: 'env.str(X) without a default: a template', file: 'settings.py', format: 'assignments', text: 'import environ\nEMAIL_HOST = env.str("EMAIL_HOST")\n', key: 'EMAIL_HOST', value: '${EMAIL_HOST}', range: 'env.str("EMAIL_HOST")' },
  { name: 'bool(os.getenv) is not read: bool("False") is True', file: 'settings.py', format: 'assignments', text: 'import os\nEMAIL_USE_TLS = bool(os.getenv("EMAIL_USE_TLS", "False"))\n', key: 'EMAIL_USE_TLS', value: null, range: 'bool(os.getenv("EMAIL_USE_TLS", "False"))' },
  { name: 'Ruby ENV.fetch(X, 25)', file: 'config/initializers/mail.rb', format: 'assignments', text: 'require "x"\nsmtp = { port: ENV.fetch("SMTP_PORT", 25) }\n', key: 'port', value: '25', range: '25' },
  { name: 'Ruby ENV.fetch(X) { 25 }', file: 'config/initializers/mail.rb', format: 'assignments', text: 'require "x"\nsmtp = { port: ENV.fetch("SMTP_PORT") { 25 } }\n', key: 'port', value: '25', range: '25' },
  { name: 'Ruby ENV[X] || 25', file: 'config/initializers/mail.rb', format: 'assignments', text: 'require "x"\nsmtp = { port: ENV["SMTP_PORT"] || 25 }\n', key: 'port', value: '25', range: '25' },
  { name: 'Ruby ENV.fetch(X, "25").to_i', file: 'gitlab.rb', format: 'assignments', text: "gitlab_rails['smtp_port'] = ENV.fetch('SMTP_PORT', '465').to_i\n", key: 'smtp_port', value: '465', range: "'465'" },
  { name: 'Ruby ENV[X] == "true" with X unset is false', file: 'gitlab.rb', format: 'assignments', text: 'require "x"\nsmtp = { tls: (ENV["SMTP_TLS"] == "true") }\n', key: 'tls', value: 'false', range: 'ENV["SMTP_TLS"] == "true"' },
  { name: 'PHP env(X, 587)', file: 'config/mail.php', format: 'assignments', text: "<?php\n$mail = ['port' => env('MAIL_PORT', 587)];\n", key: 'port', value: '587', range: '587' },
  { name: "PHP getenv(X) ?: 'y'", file: 'config.php', format: 'assignments', text: "<?php\n$CONFIG = ['mail_smtpport' => getenv('SMTP_PORT') ?: '465'];\n", key: 'mail_smtpport', value: '465', range: "'465'" },
  { name: 'HOCON ${?X} keeps the earlier value', file: 'conf/application.conf', format: 'hocon', text: 'play.mailer {\n  port = 465\n  port = ${?SMTP_PORT}\n}\n', key: 'port', value: '465', range: '465' },
  { name: 'HOCON ${?X} set in another file', file: 'conf/application.conf', format: 'hocon', text: 'play.mailer.port = 465\nplay.mailer.port = ${?SMTP_PORT}\n', key: 'port', value: '587', range: '${?SMTP_PORT}', variables: { SMTP_PORT: '587' } },
  { name: 'HOCON ${?X} with no earlier value stays a template', file: 'conf/application.conf', format: 'hocon', text: 'smtp {\n  port = ${?SMTP_PORT}\n}\n', key: 'port' },
  { name: "PHP $_ENV[X] ?? 'y'", file: 'config.php', format: 'assignments', text: "<?php\n$CONFIG = ['mail_smtpport' => $_ENV['SMTP_PORT'] ?? '465'];\n", key: 'mail_smtpport', value: '465', range: "'465'" },
];

describe('environment lookups with fallbacks', () => {
  for (const item of CASES) {
    it(item.name, () => {
      const parse = parseConfig(item.format, item.text);
      const variables = new Map<string, EnvironmentVariable>(
        Object.entries(item.variables ?? {}).map(([name, value]) => [name, { name, value, file: '.env', range: { start: 0, end: 0 } }]),
      );
      const entries = resolveEnvironment(parse.entries, item.text, item.format, item.file, variables);
      const entry = entries.find((candidate) => candidate.path[candidate.path.length - 1] === item.key);
      assert.ok(entry, `an entry ${item.key}`);
      if (item.range === undefined) {
        assert.equal(entry.environment, undefined);
        return;
      }
      assert.equal(entry.value, item.value);
      assert.equal(item.text.slice(entry.valueRange.start, entry.valueRange.end), item.range);
    });
  }
});
