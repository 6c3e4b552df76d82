import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat, parseConfig } from '../../../src/engine/formats';
import type { FormatId } from '../../../src/engine/types';
import { FIXTURES } from './helpers';

describe('formats/index', () => {
  describe('detectFormat', () => {
    const expectations: [string, FormatId | undefined][] = [
      // dotenv
      ['.env', 'dotenv'],
      ['/srv/app/.env', 'dotenv'],
      ['C:\\work\\app\\.ENV', 'dotenv'],
      ['.env.production', 'dotenv'],
      ['.env.local', 'dotenv'],
      ['.env.example', 'dotenv'],
      ['.env.production.local', 'dotenv'],
      ['deploy/smtp.env', 'dotenv'],
      ['.envrc', undefined],
      ['env', undefined],
      ['.env.js', undefined],
      ['src/.env.d.ts', undefined],
      ['environment.ts', undefined],
      // yaml / json / properties / ini
      ['docker-compose.yml', 'yaml'],
      ['k8s/Deployment.YAML', 'yaml'],
      ['config/appsettings.json', 'json'],
      ['.vscode/settings.jsonc', 'json'],
      ['config.json5', undefined],
      ['package-lock.json', undefined],
      ['src/main/resources/application.properties', 'properties'],
      ['/etc/grafana/grafana.ini', 'ini'],
      ['custom/conf/app.ini', 'ini'],
      ['setup.cfg', undefined],
      ['nginx.conf', undefined],
      // assignments
      ['shop/settings.py', 'assignments'],
      ['shop/settings_production.py', 'assignments'],
      ['shop/local_settings.py', 'assignments'],
      ['shop/settings/production.py', 'assignments'],
      ['shop\\settings\\base.py', 'assignments'],
      ['shop/views.py', undefined],
      ['shop/settingsview.py', undefined],
      ['/etc/gitlab/gitlab.rb', 'assignments'],
      ['config/environments/production.rb', 'assignments'],
      ['app/config/environments/staging.rb', 'assignments'],
      ['config/initializers/mailer.rb', 'assignments'],
      ['config/initializers/smtp_settings.rb', 'assignments'],
      ['config/initializers/devise.rb', undefined],
      ['app/models/user.rb', undefined],
      ['nextcloud/config/config.php', 'assignments'],
      ['nextcloud/config/mail.config.php', 'assignments'],
      ['config/mail.php', undefined],
      ['index.php', undefined],
      ['README.md', undefined],
    ];
    for (const [name, format] of expectations) {
      it(`${name} → ${format ?? 'none'}`, () => {
        assert.equal(detectFormat(name), format);
      });
    }
  });

  describe('parseConfig', () => {
    const fixtures: [string, FormatId, string, string][] = [
      ['laravel.env', 'dotenv', 'MAIL_PORT', '587'],
      ['docker-compose.yml', 'yaml', 'services.app.environment.SMTP_PORT', '465'],
      ['appsettings.json', 'json', 'Smtp.Port', '587'],
      ['application.properties', 'properties', 'spring.mail.port', '587'],
      ['grafana.ini', 'ini', 'smtp.host', 'smtp.gmail.com:587'],
      ['gitlab.rb', 'assignments', 'gitlab_rails.smtp_port', '465'],
    ];
    for (const [file, format, dotted, value] of fixtures) {
      it(`dispatches ${format}`, () => {
        const result = parseConfig(format, fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
        assert.equal(result.format, format);
        assert.equal(result.entries.find((e) => e.path.join('.') === dotted)?.value, value);
      });
    }

    it('never throws on an unknown format', () => {
      const result = parseConfig('toml' as FormatId, 'a = 1');
      assert.deepEqual(result.entries, []);
      assert.equal(result.errors.length, 1);
    });
  });
});
