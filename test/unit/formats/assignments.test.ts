import { strict as assert } from 'node:assert';
import {
  detectAssignmentLanguage,
  parseAssignments,
  MAX_ASSIGNMENT_ENTRIES,
} from '../../../src/engine/formats/assignments';
import type { ParseResult } from '../../../src/engine/types';
import { assertSurvivesSyntaxGarbage, fixture, garbage, slice, find } from './helpers';

/** [path, value, valueType, key as written, value as written, quote] */
function rows(text: string, result: ParseResult): unknown[][] {
  return result.entries.map((e) => [
    e.path.join('.'),
    e.value,
    e.valueType,
    slice(text, e.keyRange),
    slice(text, e.valueRange),
    e.quote,
  ]);
}

describe('formats/assignments', () => {
  describe('Django settings.py', () => {
    const text = fixture('django-settings.py');
    const result = parseAssignments(text);

    it('detects Python', () => {
      assert.equal(detectAssignmentLanguage(text), 'python');
      assert.equal(result.format, 'assignments');
      assert.equal(result.eol, '\n');
      assert.deepEqual(result.errors, []);
    });

    it('reads literal settings, and marks the others as null', () => {
      const email = rows(text, result).filter((r) => /^(EMAIL_|DEFAULT_FROM|SERVER_EMAIL)/.test(r[0] as string));
      assert.deepEqual(email, [
        ['EMAIL_BACKEND', 'django.core.mail.backends.smtp.EmailBackend', 'string', 'EMAIL_BACKEND', "'django.core.mail.backends.smtp.EmailBackend'", "'"],
        ['EMAIL_HOST', 'smtp.gmail.com', 'string', 'EMAIL_HOST', '"smtp.gmail.com"', '"'],
        ['EMAIL_PORT', '587', 'number', 'EMAIL_PORT', '587', undefined],
        ['EMAIL_USE_TLS', 'true', 'boolean', 'EMAIL_USE_TLS', 'True', undefined],
        ['EMAIL_USE_SSL', 'false', 'boolean', 'EMAIL_USE_SSL', 'False', undefined],
        ['EMAIL_HOST_USER', 'shop@example.com', 'string', 'EMAIL_HOST_USER', "'shop@example.com'", "'"],
        ['EMAIL_HOST_PASSWORD', null, 'null', 'EMAIL_HOST_PASSWORD', 'os.environ["EMAIL_HOST_PASSWORD"]', undefined],
        ['EMAIL_TIMEOUT', null, 'null', 'EMAIL_TIMEOUT', 'None', undefined],
        ['DEFAULT_FROM_EMAIL', null, 'null', 'DEFAULT_FROM_EMAIL', 'f"Shop <{EMAIL_HOST_USER}>"', undefined],
        ['SERVER_EMAIL', 'C:\\mail\\server', 'string', 'SERVER_EMAIL', "r'C:\\mail\\server'", "'"],
        ['EMAIL_SUBJECT_PREFIX', '[Shop] \u2709 ', 'string', 'EMAIL_SUBJECT_PREFIX', "'[Shop] \\u2709 '", "'"],
        ['EMAIL_SSL_CERTFILE', '/etc/ssl/certs/mail.pem', 'string', 'EMAIL_SSL_CERTFILE', '"/etc/ssl/certs/mail.pem"', '"'],
        [
          'EMAIL_SSL_KEYFILE', null, 'null', 'EMAIL_SSL_KEYFILE',
          'env(\n    "EMAIL_SSL_KEYFILE",\n    default="/etc/ssl/private/mail.key",\n)', undefined,
        ],
        ['EMAIL_BACKEND', 'django.core.mail.backends.console.EmailBackend', 'string', 'EMAIL_BACKEND', '"django.core.mail.backends.console.EmailBackend"', '"'],
      ]);
    });

    it('walks dict and list literals; skips docstrings, function locals and call arguments', () => {
      assert.equal(find(result, 'DATABASES.default.ENGINE').value, 'django.db.backends.postgresql');
      assert.equal(find(result, 'DATABASES.default.PORT').valueType, 'number');
      assert.equal(find(result, 'DATABASES.default.NAME').value, null);
      assert.equal(find(result, 'ALLOWED_HOSTS.0').value, 'shop.example.com');
      assert.equal(find(result, 'LOGGING.handlers.mail_admins.class').value, 'django.utils.log.AdminEmailHandler');
      assert.equal(find(result, 'DEBUG').value, 'false');
      assert.equal(find(result, 'BASE_DIR').valueType, 'null');
      const paths = result.entries.map((e) => e.path.join('.'));
      assert.ok(!paths.includes('admins'));
      assert.ok(!paths.includes('default'));
      assert.equal(paths.filter((p) => p === 'EMAIL_HOST').length, 1);
    });
  });

  describe('GitLab gitlab.rb', () => {
    const text = fixture('gitlab.rb');
    const result = parseAssignments(text);

    it('reads gitlab_rails[...] settings', () => {
      assert.equal(detectAssignmentLanguage(text), 'ruby');
      assert.deepEqual(result.errors, []);
      assert.deepEqual(rows(text, result), [
        ['gitlab_rails.smtp_enable', 'true', 'boolean', "gitlab_rails['smtp_enable']", 'true', undefined],
        ['gitlab_rails.smtp_address', 'smtp.server', 'string', "gitlab_rails['smtp_address']", '"smtp.server"', '"'],
        ['gitlab_rails.smtp_port', '465', 'number', "gitlab_rails['smtp_port']", '465', undefined],
        ['gitlab_rails.smtp_user_name', 'smtp user', 'string', "gitlab_rails['smtp_user_name']", '"smtp user"', '"'],
        ['gitlab_rails.smtp_password', 'smtp "password"', 'string', "gitlab_rails['smtp_password']", '"smtp \\"password\\""', '"'],
        ['gitlab_rails.smtp_domain', 'example.com', 'string', "gitlab_rails['smtp_domain']", '"example.com"', '"'],
        ['gitlab_rails.smtp_authentication', 'login', 'string', "gitlab_rails['smtp_authentication']", '"login"', '"'],
        ['gitlab_rails.smtp_enable_starttls_auto', 'true', 'boolean', "gitlab_rails['smtp_enable_starttls_auto']", 'true', undefined],
        ['gitlab_rails.smtp_tls', 'false', 'boolean', "gitlab_rails['smtp_tls']", 'false', undefined],
        ['gitlab_rails.smtp_pool', 'false', 'boolean', "gitlab_rails['smtp_pool']", 'false', undefined],
        ['gitlab_rails.smtp_openssl_verify_mode', 'peer', 'string', "gitlab_rails['smtp_openssl_verify_mode']", "'peer'", "'"],
        ['gitlab_rails.smtp_ca_path', '/etc/ssl/certs', 'string', "gitlab_rails['smtp_ca_path']", '"/etc/ssl/certs"', '"'],
        ['gitlab_rails.gitlab_email_from', null, 'null', "gitlab_rails['gitlab_email_from']", "ENV['GITLAB_EMAIL_FROM']", undefined],
        ['gitlab_rails.gitlab_email_display_name', null, 'null', "gitlab_rails['gitlab_email_display_name']", '"GitLab #{ENV[\'HOSTNAME\']}"', undefined],
        ['gitlab_rails.incoming_email_password', null, 'null', "gitlab_rails['incoming_email_password']", 'nil', undefined],
        ['nginx.listen_port', '80', 'number', "nginx['listen_port']", '80', undefined],
        ['gitlab_rails.env.SMTP_TIMEOUT', '10', 'string', "'SMTP_TIMEOUT'", "'10'", "'"],
      ]);
    });
  });

  describe('Rails config/environments/production.rb', () => {
    const text = fixture('rails-production.rb');
    const result = parseAssignments(text);

    it('reads smtp_settings hash literals in every key style', () => {
      assert.equal(detectAssignmentLanguage(text), 'ruby');
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        rows(text, result).filter((r) => (r[0] as string).startsWith('config.action_mailer.smtp_settings.')),
        [
          ['config.action_mailer.smtp_settings.address', 'smtp.sendgrid.net', 'string', 'address', "'smtp.sendgrid.net'", "'"],
          ['config.action_mailer.smtp_settings.port', '587', 'number', 'port', '587', undefined],
          ['config.action_mailer.smtp_settings.domain', 'example.com', 'string', 'domain', "'example.com'", "'"],
          ['config.action_mailer.smtp_settings.user_name', null, 'null', 'user_name', 'ENV["SENDGRID_USERNAME"]', undefined],
          ['config.action_mailer.smtp_settings.password', null, 'null', 'password', 'ENV.fetch("SENDGRID_PASSWORD") { "" }', undefined],
          ['config.action_mailer.smtp_settings.authentication', 'plain', 'string', 'authentication', ':plain', undefined],
          ['config.action_mailer.smtp_settings.enable_starttls_auto', 'true', 'boolean', 'enable_starttls_auto', 'true', undefined],
          ['config.action_mailer.smtp_settings.openssl_verify_mode', 'none', 'string', ':openssl_verify_mode', "'none'", "'"],
          ['config.action_mailer.smtp_settings.open_timeout', '5', 'number', '"open_timeout"', '5', undefined],
          ['config.action_mailer.smtp_settings.read_timeout', '5', 'number', 'read_timeout', '5', undefined],
        ],
      );
    });

    it('reads dotted targets inside blocks, symbols as strings', () => {
      assert.deepEqual(rows(text, result)[1], [
        'config.action_mailer.delivery_method', 'smtp', 'string', 'config.action_mailer.delivery_method', ':smtp', undefined,
      ]);
      assert.equal(find(result, 'config.action_mailer.default_url_options.host').value, 'example.com');
      assert.equal(find(result, 'config.log_level').value, 'info');
      assert.equal(result.entries.length, 16);
    });
  });

  describe('Nextcloud config.php', () => {
    const text = fixture('nextcloud-config.php');
    const result = parseAssignments(text);

    it('flattens the $CONFIG array', () => {
      assert.equal(detectAssignmentLanguage(text), 'php');
      assert.deepEqual(result.errors, []);
      assert.deepEqual(
        rows(text, result).filter((r) => (r[0] as string).startsWith('mail_smtp')),
        [
          ['mail_smtpmode', 'smtp', 'string', "'mail_smtpmode'", "'smtp'", "'"],
          ['mail_smtphost', 'smtp.example.com', 'string', "'mail_smtphost'", "'smtp.example.com'", "'"],
          ['mail_smtpport', '465', 'number', "'mail_smtpport'", '465', undefined],
          ['mail_smtpsecure', 'ssl', 'string', "'mail_smtpsecure'", "'ssl'", "'"],
          ['mail_smtpauth', '1', 'number', "'mail_smtpauth'", '1', undefined],
          ['mail_smtpauthtype', 'LOGIN', 'string', "'mail_smtpauthtype'", "'LOGIN'", "'"],
          ['mail_smtpname', 'nextcloud@example.com', 'string', "'mail_smtpname'", "'nextcloud@example.com'", "'"],
          ['mail_smtppassword', 'it\'s a "secret"', 'string', "'mail_smtppassword'", "'it\\'s a \"secret\"'", "'"],
          ['mail_smtptimeout', '30', 'number', "'mail_smtptimeout'", '30', undefined],
          ['mail_smtpstreamoptions.ssl.allow_self_signed', 'true', 'boolean', "'allow_self_signed'", 'true', undefined],
          ['mail_smtpstreamoptions.ssl.verify_peer', 'false', 'boolean', "'verify_peer'", 'false', undefined],
          ['mail_smtpstreamoptions.ssl.verify_peer_name', 'false', 'boolean', "'verify_peer_name'", 'FALSE', undefined],
        ],
      );
    });

    it('reads nested and positional arrays and non-literal values', () => {
      assert.equal(find(result, 'trusted_domains.0').value, 'cloud.example.com');
      assert.equal(find(result, 'installed').valueType, 'boolean');
      assert.deepEqual(rows(text, result).at(-1), ['secret', null, 'null', "'secret'", "getenv('NC_SECRET')", undefined]);
    });
  });

  describe('syntax details', () => {
    it('PHP statements, interpolation and escapes', () => {
      const text = [
        '<?php',
        "$CONFIG['mail_smtphost'] = 'smtp.x.com';",
        '$CONFIG["mail_smtpport"] = 587; $other = "tab\\there";',
        '$x = "host-$domain";',
        '/* $y = 1; */',
        '// $z = 2;',
        '# $w = 3;',
        '$v = -25;',
        '$u = NULL;',
      ].join('\n');
      const result = parseAssignments(text);
      assert.deepEqual(
        result.entries.map((e) => [e.path.join('.'), e.value, e.valueType]),
        [
          ['mail_smtphost', 'smtp.x.com', 'string'],
          ['mail_smtpport', '587', 'number'],
          ['other', 'tab\there', 'string'],
          ['x', null, 'null'],
          ['v', '-25', 'number'],
          ['u', null, 'null'],
        ],
      );
      assert.equal(slice(text, find(result, 'v').valueRange), '-25');
    });

    it('Python: triple quotes, annotations, line continuations, tuples and expressions', () => {
      const text = [
        'import os',
        'A = """multi',
        'line"""',
        "B: int = 25",
        'C = \\',
        '    "continued"',
        'D = 1, 2',
        'E = "a" "b"',
        'F = 10 if True else 20',
        'G = {"k": [1, {"x": True}], "n": None}',
        'H = 0x1F',
        'I = 1_000',
        '    lower = 1',
        '    UPPER = 2',
        'J = f"{{literal}}"',
        '',
      ].join('\n');
      const result = parseAssignments(text);
      assert.deepEqual(
        result.entries.map((e) => [e.path.join('.'), e.value, e.valueType]),
        [
          ['A', 'multi\nline', 'string'],
          ['B', '25', 'number'],
          ['C', 'continued', 'string'],
          ['D', null, 'null'],
          ['E', null, 'null'],
          ['F', null, 'null'],
          ['G.k.0', '1', 'number'],
          ['G.k.1.x', 'true', 'boolean'],
          ['G.n', null, 'null'],
          ['H', '0x1F', 'number'],
          ['I', '1_000', 'number'],
          ['UPPER', '2', 'number'],
          ['J', '{literal}', 'string'],
        ],
      );
      assert.equal(slice(text, find(result, 'A').valueRange), '"""multi\nline"""');
    });

    it('Ruby: heredocs, =begin comments, :: scopes and interpolation', () => {
      const text = [
        'ActionMailer::Base.smtp_settings = {',
        '  :address => "smtp.x.com", :port => 2525,',
        '  "user_name" => "u#{1}",',
        '}',
        'gitlab_rails[\'smtp_password\'] = <<~EOS',
        '  gitlab_rails[\'smtp_port\'] = 1',
        'EOS',
        '=begin',
        'gitlab_rails[\'smtp_tls\'] = true',
        '=end',
        'gitlab_rails[\'smtp_tls\'] = false',
        '',
      ].join('\n');
      const result = parseAssignments(text, 'ruby');
      assert.deepEqual(
        result.entries.map((e) => [e.path.join('.'), e.value]),
        [
          ['ActionMailer.Base.smtp_settings.address', 'smtp.x.com'],
          ['ActionMailer.Base.smtp_settings.port', '2525'],
          ['ActionMailer.Base.smtp_settings.user_name', null],
          ['gitlab_rails.smtp_password', null],
          ['gitlab_rails.smtp_tls', 'false'],
        ],
      );
    });

    it('ends a container at a stray ";" instead of looping', () => {
      const result = parseAssignments('X = {"a": 1 ; 2}\nY = [1; 2]\nZ = {;}\nW = 3\n', 'python');
      assert.deepEqual(
        result.entries.map((e) => [e.path.join('.'), e.value]),
        [
          ['X.a', '1'],
          ['Y.0', '1'],
          ['W', '3'],
        ],
      );
      assert.deepEqual(
        result.errors.map((e) => e.message),
        ['Missing "}"', 'Missing "]"', 'Missing "}"'],
      );
    });

    it('keeps offsets with a BOM and CRLF', () => {
      const text = '\ufeffEMAIL_PORT = 465\r\nEMAIL_HOST = "x"\r\n';
      const result = parseAssignments(text);
      assert.equal(result.eol, '\r\n');
      assert.deepEqual(result.entries[0].keyRange, { start: 1, end: 11 });
      assert.equal(slice(text, result.entries[1].valueRange), '"x"');
    });
  });

  describe('robustness', function () {
    this.timeout(120_000); // a safety net on a loaded machine, not a speed check

    it('syntax-heavy garbage (several seeds)', () => assertSurvivesSyntaxGarbage(parseAssignments, "{}[](),:=;'\"`\\#\n\r \t-<>$@.aK1_"));

    it('never throws on random code-like fragments', () => {
      const pool = [
        '{', '}', '[', ']', '(', ')', ',', ':', '=', '=>', "'", '"', '"""', '\\', '#', ';', '\n', ' ', 'a', 'KEY',
        '$CONFIG', ':sym', 'array', '<<~EOS\n', 'EOS', '=begin\n', '/*', '//', '<?php', 'f"', '#{', '1', '-',
      ];
      let seed = 99;
      const random = (): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
      };
      for (let i = 0; i < 3000; i++) {
        let text = '';
        for (let j = 0, n = 1 + Math.floor(random() * 40); j < n; j++) text += pool[Math.floor(random() * pool.length)];
        for (const language of ['python', 'ruby', 'php'] as const) {
          const result = parseAssignments(text, language);
          for (const e of result.entries) {
            assert.ok(e.valueRange.start <= e.valueRange.end && e.valueRange.end <= text.length);
            assert.ok(e.keyRange.start <= e.keyRange.end && e.keyRange.end <= text.length);
          }
        }
      }
    });

    it('50 MB of binary garbage', () => {
      const text = garbage(50 * 1024 * 1024, 1);
      const result = parseAssignments(text);
      assert.ok(result.errors.length <= 100);
    });

    it('50 MB of assignments stops at the entry limit', () => {
      const result = parseAssignments("gitlab_rails['smtp_port'] = 465\n".repeat(1_600_000));
      assert.equal(result.entries.length, MAX_ASSIGNMENT_ENTRIES);
      assert.match(result.errors[0].message, /Too many entries/);
    });

    it('10,000-deep nesting, unbalanced brackets, a 10 MB line', () => {
      const deep = parseAssignments('X = ' + '{'.repeat(10000) + '}'.repeat(10000) + '\nY = 1\n');
      assert.equal(find(deep, 'Y').value, '1');
      const deepKeys = parseAssignments('X = ' + '{"a": '.repeat(10000) + '1' + '}'.repeat(10000) + '\nY = 2\n');
      assert.equal(find(deepKeys, 'Y').value, '2');
      const unbalanced = parseAssignments('X = foo(' + '('.repeat(100000) + '\nY = 3\n');
      assert.equal(find(unbalanced, 'Y').value, '3');
      assert.equal(find(unbalanced, 'X').value, null);
      const long = 'x'.repeat(10 * 1024 * 1024);
      assert.equal(find(parseAssignments(`X = "${long}"\n`), 'X').value, long);
    });
  });
});
