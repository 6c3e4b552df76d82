import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectFormat, formatOfText, parseConfig } from '../../../src/engine/formats';
import type { FormatId, Range } from '../../../src/engine/types';
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
      // Code, read by the code readers (src/engine/code/), not as a dotenv file.
      ['.env.js', 'code'],
      ['src/.env.d.ts', undefined],
      ['environment.ts', 'code'],
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
      // Any other `.cfg` is INI only if its content says so (formatOfText, looksLikeIni).
      ['setup.cfg', 'ini'],
      ['conf/local.cfg', 'ini'],
      ['config/config.hjson', 'hjson'],
      ['docker/lemmy.hjson', 'hjson'],
      ['fluent.conf', 'fluentd'],
      ['etc/td-agent/td-agent.conf', 'fluentd'],
      ['listmonk/config.toml', 'toml'],
      ['.env.toml', undefined],
      // HOCON by name; any other `.conf` is HOCON only if its content says so (analyzeText, looksLikeHocon).
      ['conf/application.conf', 'hocon'],
      ['src/main/resources/reference.conf', 'hocon'],
      ['nginx.conf', 'hocon'],
      // assignments
      ['shop/settings.py', 'assignments'],
      ['shop/settings_production.py', 'assignments'],
      ['shop/local_settings.py', 'assignments'],
      ['shop/settings/production.py', 'assignments'],
      ['shop\\settings\\base.py', 'assignments'],
      // Python code that is not a settings file: read as code (smtplib calls), not as assignments.
      ['shop/views.py', 'code'],
      ['shop/settingsview.py', 'code'],
      ['/etc/gitlab/gitlab.rb', 'assignments'],
      ['config/environments/production.rb', 'assignments'],
      ['app/config/environments/staging.rb', 'assignments'],
      ['config/initializers/mailer.rb', 'assignments'],
      ['config/initializers/smtp_settings.rb', 'assignments'],
      // Ruby and PHP code that is not a settings file: read as code (Net::SMTP, the mail gem, PHPMailer…).
      ['config/initializers/devise.rb', 'code'],
      ['app/models/user.rb', 'code'],
      ['nextcloud/config/config.php', 'assignments'],
      ['nextcloud/config/mail.config.php', 'assignments'],
      // Laravel's config/mail.php returns its mailers' array with env() fallbacks: read as settings.
      ['config/mail.php', 'assignments'],
      ['app/Mail/mail.php', 'code'],
      ['index.php', 'code'],
      ['README.md', undefined],
    ];
    for (const [name, format] of expectations) {
      it(`${name} → ${format ?? 'none'}`, () => {
        assert.equal(detectFormat(name), format);
      });
    }
  });

  describe('formatOfText: names that leave the format open are decided by the content', () => {
    const cases: [string, string, FormatId | undefined][] = [
      ['conf/prod.conf', 'include "application.conf"\nplay.mailer.host = smtp.example.com\n', 'hocon'],
      ['alert.conf', '<match alert.**>\n  @type mail\n  host smtp.example.com\n</match>\n', 'fluentd'],
      ['nginx.conf', 'server {\n  listen 80;\n  server_name mail.example.com;\n}\n', undefined],
      ['deploy/smtp.conf', 'SMTP_HOST=smtp.example.com\nSMTP_PORT=587\n', undefined],
      ['conf/local.cfg', '[email]\nhost = smtp.gmail.com\nport = 465\nusetls = True\n', 'ini'],
      ['setup.cfg', '[flake8]\nexclude =\n    migrations,\n    .git\n', 'ini'],
      ['master.cfg', "# -*- python -*-\nc = BuildmasterConfig = {}\nc['workers'] = []\n", undefined],
      ['nagios/objects/contacts.cfg', 'define contact {\n    contact_name nagiosadmin\n    email nagios@localhost\n}\n', undefined],
      ['haproxy.cfg', 'global\n    log 127.0.0.1 local0\n[fake]\n', undefined],
      ['airflow.cfg', 'smtp_host = localhost\n', 'ini'],
      ['fluent.conf', '@type mail\nhost smtp.example.com\n', 'fluentd'],
      // Names no config pattern claims: as detectFormat says.
      ['shop/views.py', 'import smtplib\n', 'code'],
      ['.env.js', 'module.exports = {}\n', 'code'],
      ['README.md', '# mail\n', undefined],
    ];
    for (const [name, text, format] of cases) {
      it(`${name} → ${format ?? 'none'}`, () => {
        assert.equal(formatOfText(name, text), format);
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
      ['hjson-spec/comments_test.hjson', 'hjson', 'foo1', 'This is a string value. # part of the string'],
      ['fluentd-examples/out_forward_tls.conf', 'fluentd', 'match.1.server.0.host', '127.0.0.1'],
    ];
    for (const [file, format, dotted, value] of fixtures) {
      it(`dispatches ${format}`, () => {
        const result = parseConfig(format, fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
        assert.equal(result.format, format);
        assert.equal(result.entries.find((e) => e.path.join('.') === dotted)?.value, value);
      });
    }

    describe('a UTF-8 byte order mark at the start of the file', () => {
      const shift = (range: Range): Range => ({ start: range.start + 1, end: range.end + 1 });
      for (const [file, format] of fixtures) {
        it(`${format}: reads the same entries, with offsets into the text that holds the mark`, () => {
          const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
          const plain = parseConfig(format, text);
          const marked = parseConfig(format, '\ufeff' + text);
          assert.deepEqual(marked.errors, plain.errors.map((e) => ({ ...e, range: shift(e.range) })));
          assert.deepEqual(
            marked.entries,
            plain.entries.map((e) => ({ ...e, keyRange: shift(e.keyRange), valueRange: shift(e.valueRange) })),
          );
          assert.ok(plain.entries.length > 0);
        });
      }

      it('json: an appsettings.json that starts with one is no syntax error', () => {
        const text = '\ufeff{\r\n  "Smtp": { "Host": "smtp.example.com", "Port": 465 }\r\n}\r\n';
        const result = parseConfig('json', text);
        assert.deepEqual(result.errors, []);
        assert.deepEqual(result.entries.map((e) => [e.path.join('.'), e.value, text.slice(e.keyRange.start, e.keyRange.end), text.slice(e.valueRange.start, e.valueRange.end)]), [
          ['Smtp.Host', 'smtp.example.com', '"Host"', '"smtp.example.com"'],
          ['Smtp.Port', '465', '"Port"', '465'],
        ]);
      });

      it('the first key of each line format starts right after the mark', () => {
        const cases: [FormatId, string, string][] = [
          ['dotenv', '\ufeffSMTP_HOST=smtp.example.com\n', 'SMTP_HOST'],
          ['yaml', '\ufeffhost: smtp.example.com\n', 'host'],
          ['ini', '\ufeffhost = smtp.example.com\n', 'host'],
          ['properties', '\ufeffmail.host=smtp.example.com\n', 'mail.host'],
        ];
        for (const [format, text, key] of cases) {
          const [first] = parseConfig(format, text).entries;
          assert.deepEqual([first.path.join('.'), first.keyRange, text.slice(first.valueRange.start, first.valueRange.end)], [key, { start: 1, end: 1 + key.length }, 'smtp.example.com'], format);
        }
      });
    });

    it('never throws on an unknown format', () => {
      const result = parseConfig('xml' as FormatId, 'a = 1');
      assert.deepEqual(result.entries, []);
      assert.equal(result.errors.length, 1);
    });
  });
});
