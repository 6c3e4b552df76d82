// Deterministic generator of a synthetic workspace of config files for bench/run.mjs.
// Same seed → byte-identical files, so figures can be compared between commits.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    /** Log-uniform integer in [lo, hi]: many small files, some large ones. */
    logInt: (lo, hi) => Math.round(Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo)))),
  };
  return r;
}

// --- vocabulary (no mail words outside the SMTP blocks) -------------------------
const AREAS = ['database', 'cache', 'redis', 'queue', 'storage', 'logging', 'metrics', 'tracing', 'session', 'cors', 'payments', 'search', 'auth', 'features', 'http', 'worker', 'scheduler', 'uploads', 'i18n', 'billing'];
const KEYS = ['host', 'port', 'url', 'timeout', 'enabled', 'level', 'pool_size', 'max_retries', 'region', 'bucket', 'ttl', 'name', 'path', 'mode', 'interval', 'threshold', 'limit', 'user', 'format', 'endpoint'];
const HOSTS = ['db.internal', 'redis.internal', 'localhost', '10.0.3.17', 'postgres', 'cache-1.prod.example.com', 'queue.example.net', 'search.svc.cluster.local'];
const WORDS = ['alpha', 'orders', 'catalog', 'inventory', 'gateway', 'reports', 'users', 'checkout', 'ledger', 'media', 'profile', 'audit', 'export', 'import', 'pricing', 'shipping'];
const PKGS = ['express', 'react', 'lodash', 'axios', 'zod', 'pino', 'dayjs', 'uuid', 'pg', 'ioredis', 'typescript', 'vitest', 'eslint', 'prettier', 'esbuild', 'fastify', 'commander', 'chalk', 'yargs', 'semver', 'ws', 'jsonwebtoken', 'bcrypt', 'dotenv', 'knex', 'prisma'];

function value(r, key) {
  switch (key) {
    case 'host': return r.pick(HOSTS);
    case 'port': return String(r.pick([5432, 6379, 8080, 9200, 3306, 11211, 4222, 9090]));
    case 'url': return `https://${r.pick(WORDS)}.example.com/${r.pick(WORDS)}`;
    case 'enabled': return r.pick(['true', 'false']);
    case 'level': return r.pick(['info', 'debug', 'warn', 'error']);
    case 'region': return r.pick(['eu-west-1', 'us-east-1', 'ap-south-1']);
    case 'name': case 'bucket': case 'user': return `${r.pick(WORDS)}-${r.int(1, 99)}`;
    case 'path': return `/var/lib/${r.pick(WORDS)}/${r.pick(WORDS)}`;
    case 'mode': case 'format': return r.pick(['json', 'text', 'strict', 'lenient', 'async']);
    case 'endpoint': return `http://${r.pick(HOSTS)}:${r.int(1000, 9999)}/v${r.int(1, 3)}`;
    default: return String(r.int(1, 5000));
  }
}
const upper = (s) => s.toUpperCase().replace(/[^A-Z0-9]/g, '_');
const camel = (s) => s.replace(/_(.)/g, (_, c) => c.toUpperCase());
const pascal = (s) => camel(s).replace(/^./, (c) => c.toUpperCase());

// --- SMTP blocks: a few per cent of the files, many with a misconfiguration ----------
// Each returns [host, port, tlsFlagTrue, user, password, verifyOff] choices as a plain object.
function smtpSettings(r, production) {
  const cases = [
    { host: 'smtp.mailgun.org', port: 587, secure: false }, // fine
    { host: 'smtp.sendgrid.net', port: 587, secure: false }, // fine
    { host: 'email-smtp.eu-west-1.amazonaws.com', port: 465, secure: true }, // fine
    { host: 'smtp.mailgun.org', port: 25, secure: false }, // port 25 for submission
    { host: 'smtp.sendgrid.net', port: 587, secure: true }, // implicit TLS on a STARTTLS port
    { host: 'smtp.example.com', port: 465, secure: false }, // plain text on the implicit-TLS port
    { host: 'smtp.gmail.com', port: 587, secure: false, password: 'MyGmailPassw0rd' }, // not an app password
    { host: 'smtp.office365.com', port: 587, secure: false }, // basic auth
    { host: 'smtp.example.com', port: 587, secure: false, verifyOff: true }, // verification off
    { host: production ? 'mailhog' : 'localhost', port: 1025, secure: false, user: '', password: '' }, // dev catcher
    { host: 'smtp.example.com', port: 70000, secure: false }, // invalid port
    { host: 'https://smtp.example.com', port: 587, secure: false }, // malformed host
  ];
  const c = { ...r.pick(cases) };
  c.user ??= `${r.pick(WORDS)}@example.com`;
  c.password ??= `s3cret-${r.int(1000, 9999)}`;
  c.from = `noreply@${r.pick(WORDS)}.example.com`;
  return c;
}

// --- one generator per file kind: (r, lines, smtp|null, extra) → text ---------------

function dotenv(r, lines, smtp) {
  const out = [`# ${r.pick(WORDS)} service`, `APP_NAME=${r.pick(WORDS)}`, `APP_ENV=${r.pick(['production', 'staging', 'local'])}`, `APP_DEBUG=${r.pick(['true', 'false'])}`, ''];
  const smtpAt = smtp ? r.int(out.length, Math.max(out.length, lines - 8)) : -1;
  while (out.length < lines) {
    if (out.length === smtpAt) {
      const style = r.int(0, 2);
      if (style === 0) {
        out.push('', '# Mail', 'MAIL_MAILER=smtp', `MAIL_HOST=${smtp.host}`, `MAIL_PORT=${smtp.port}`, `MAIL_USERNAME=${smtp.user}`, `MAIL_PASSWORD="${smtp.password}"`,
          `MAIL_ENCRYPTION=${smtp.secure ? 'ssl' : smtp.port === 587 ? 'tls' : 'null'}`, `MAIL_FROM_ADDRESS="${smtp.from}"`, '');
      } else if (style === 1) {
        out.push(`SMTP_HOST=${smtp.host}`, `SMTP_PORT=${smtp.port}`, `SMTP_SECURE=${smtp.secure}`, `SMTP_USER=${smtp.user}`, `SMTP_PASS=${smtp.password}`, `SMTP_FROM=${smtp.from}`);
      } else {
        out.push(`EMAIL_URL=smtp${smtp.secure ? 's' : ''}://${encodeURIComponent(smtp.user)}:${smtp.password}@${smtp.host.replace(/^https?:\/\//, '')}:${smtp.port}`);
      }
      if (smtp.verifyOff) out.push('NODE_TLS_REJECT_UNAUTHORIZED=0');
      continue;
    }
    if (r.chance(0.08)) out.push(r.chance(0.5) ? '' : `# ${r.pick(WORDS)} ${r.pick(AREAS)}`);
    else {
      const key = r.pick(KEYS);
      const v = value(r, key);
      out.push(`${upper(r.pick(AREAS))}_${upper(key)}${r.chance(0.3) ? `_${r.int(1, 9)}` : ''}=${r.chance(0.2) ? `"${v}"` : v}`);
    }
  }
  return out.join('\n') + '\n';
}

/** Random nested YAML map lines at `indent`, up to `budget` lines. */
/** `seen`: the keys this map already has (a map written in two parts shares it, so that no key appears twice). */
function yamlMap(r, indent, budget, depth = 0, seen = new Set()) {
  const out = [];
  const pad = ' '.repeat(indent);
  const fresh = (name) => (seen.has(name) ? `${name}-${seen.size}` : name);
  while (out.length < budget) {
    const key = fresh(r.pick(KEYS));
    seen.add(key);
    if (depth < 3 && r.chance(0.25) && budget - out.length > 3) {
      const name = fresh(`${r.pick(AREAS)}-${r.pick(WORDS)}`);
      seen.add(name);
      out.push(`${pad}${name}:`);
      out.push(...yamlMap(r, indent + 2, Math.min(budget - out.length, r.int(2, 12)), depth + 1));
    } else if (r.chance(0.1) && budget - out.length > 3) {
      const name = fresh(`${r.pick(WORDS)}s`);
      seen.add(name);
      out.push(`${pad}${name}:`);
      for (let i = r.int(1, 3); i > 0 && out.length < budget; i--) out.push(`${pad}  - ${value(r, r.pick(KEYS))}`);
    } else {
      out.push(`${pad}${key}: ${value(r, key.replace(/-\d+$/, ''))}`);
    }
  }
  return out;
}

function compose(r, lines, smtp) {
  const out = ['services:'];
  let n = 0;
  let smtpDone = !smtp;
  while (out.length < lines || !smtpDone) {
    const name = `${r.pick(WORDS)}-${n++}`;
    out.push(`  ${name}:`, `    image: registry.example.com/${name}:${r.int(1, 9)}.${r.int(0, 20)}`, '    restart: unless-stopped');
    if (r.chance(0.6)) out.push('    ports:', `      - "${r.int(3000, 9000)}:${r.int(3000, 9000)}"`);
    const mapStyle = r.chance(0.5);
    out.push('    environment:');
    const env = new Map();
    for (let i = r.int(2, 14); i > 0; i--) env.set(`${upper(r.pick(AREAS))}_${upper(r.pick(KEYS))}`, value(r, r.pick(KEYS)));
    if (!smtpDone && (out.length > lines * 0.4 || r.chance(0.3))) {
      env.set('SMTP_HOST', smtp.host).set('SMTP_PORT', String(smtp.port)).set('SMTP_SECURE', String(smtp.secure)).set('SMTP_USER', smtp.user).set('SMTP_PASSWORD', smtp.password);
      if (smtp.verifyOff) env.set('NODE_TLS_REJECT_UNAUTHORIZED', '0');
      smtpDone = true;
    }
    for (const [k, v] of env) out.push(mapStyle ? `      ${k}: "${v}"` : `      - ${k}=${v}`);
    if (r.chance(0.4)) out.push('    depends_on:', `      - ${r.pick(['postgres', 'redis', 'queue'])}`);
  }
  return out.join('\n') + '\n';
}

function k8s(r, lines, smtp) {
  const out = [];
  let smtpDone = !smtp;
  while (out.length < lines || !smtpDone) {
    const name = `${r.pick(WORDS)}-${r.int(1, 99)}`;
    if (out.length) out.push('---');
    out.push('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, '  labels:', `    app: ${name}`, 'spec:', `  replicas: ${r.int(1, 5)}`,
      '  template:', '    spec:', '      containers:', `        - name: ${name}`, `          image: "registry.example.com/${name}:${r.int(1, 9)}.${r.int(0, 9)}"`,
      '          ports:', `            - containerPort: ${r.int(3000, 9000)}`, '          env:');
    for (let i = r.int(2, 20); i > 0; i--) out.push(`            - name: ${upper(r.pick(AREAS))}_${upper(r.pick(KEYS))}`, `              value: "${value(r, r.pick(KEYS))}"`);
    if (!smtpDone && (out.length > lines * 0.4 || r.chance(0.3))) {
      out.push('            - name: SMTP_HOST', `              value: ${smtp.host}`, '            - name: SMTP_PORT', `              value: "${smtp.port}"`,
        '            - name: SMTP_SECURE', `              value: "${smtp.secure}"`, '            - name: SMTP_PASSWORD', '              valueFrom:', '                secretKeyRef:', '                  name: smtp', '                  key: password');
      if (smtp.verifyOff) out.push('            - name: NODE_TLS_REJECT_UNAUTHORIZED', '              value: "0"');
      smtpDone = true;
    }
    out.push('          resources:', '            limits:', `              memory: ${r.int(1, 8) * 128}Mi`, `              cpu: ${r.int(1, 8) * 100}m`);
    if (r.chance(0.4)) out.push('---', 'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  ports:', `    - port: ${r.int(80, 9000)}`, '  selector:', `    app: ${name}`);
  }
  return out.join('\n') + '\n';
}

function springYaml(r, lines, smtp) {
  const out = ['server:', `  port: ${r.pick([8080, 8081, 9000])}`, 'spring:', '  application:', `    name: ${r.pick(WORDS)}`, '  datasource:', `    url: jdbc:postgresql://${r.pick(HOSTS)}:5432/${r.pick(WORDS)}`, `    username: ${r.pick(WORDS)}`, '    password: ${DB_PASSWORD}'];
  if (smtp) {
    out.push('  mail:', `    host: ${smtp.host}`, `    port: ${smtp.port}`, `    username: ${smtp.user}`, `    password: ${smtp.password}`, '    properties:', '      mail:', '        smtp:', '          auth: true');
    if (smtp.secure) out.push('          ssl:', '            enable: true');
    else out.push('          starttls:', `            enable: ${smtp.port === 587}`);
    if (smtp.verifyOff) out.push('          ssl.trust: "*"');
  }
  out.push('management:', '  endpoints:', '    web:', '      exposure:', '        include: health,info,prometheus', 'app:');
  out.push(...yamlMap(r, 2, Math.max(2, lines - out.length)));
  return out.join('\n') + '\n';
}

function jsonValue(r, depth, budget) {
  // returns [lines] of an object body (without braces) at a depth, approx `budget` lines
  const pad = '  '.repeat(depth + 1);
  const items = [];
  const seen = new Set();
  const fresh = (name) => {
    while (seen.has(name)) name += 'X';
    seen.add(name);
    return name;
  };
  let used = 0;
  while (used < budget) {
    if (depth < 3 && r.chance(0.25) && budget - used > 4) {
      const inner = jsonValue(r, depth + 1, Math.min(budget - used - 2, r.int(2, 10)));
      items.push([`${pad}"${fresh(pascal(r.pick(AREAS)) + pascal(r.pick(WORDS)))}": {`, ...inner, `${pad}}`]);
      used += inner.length + 2;
    } else {
      const key = r.pick(KEYS);
      const v = value(r, key);
      items.push([`${pad}"${fresh(pascal(key) + r.int(1, 99))}": ${/^\d+$|^(true|false)$/.test(v) ? v : JSON.stringify(v)}`]);
      used += 1;
    }
  }
  return items.map((lines, i) => (i < items.length - 1 ? [...lines.slice(0, -1), lines[lines.length - 1] + ','] : lines)).flat();
}

function appsettings(r, lines, smtp) {
  const head = ['  "Logging": {', '    "LogLevel": {', '      "Default": "Information",', '      "Microsoft.AspNetCore": "Warning"', '    }', '  },', '  "AllowedHosts": "*",',
    '  "ConnectionStrings": {', `    "Default": "Server=${r.pick(HOSTS)};Database=${r.pick(WORDS)};User Id=app;"`, '  },'];
  if (smtp) {
    head.push('  "Smtp": {', `    "Host": "${smtp.host}",`, `    "Port": ${smtp.port},`, `    "EnableSsl": ${smtp.secure},`, `    "UserName": "${smtp.user}",`, `    "Password": "${smtp.password}",`, `    "From": "${smtp.from}"`, '  },');
  }
  const body = jsonValue(r, 0, Math.max(1, lines - head.length - 2));
  return ['{', ...head, ...body, '}'].join('\n') + '\n';
}

function packageJson(r, lines) {
  const deps = new Set();
  const want = Math.max(2, Math.floor((lines - 12) / 2));
  if (r.chance(0.05)) deps.add('nodemailer'); // a mail word, but no SMTP settings
  for (let i = 0; i < want * 3 && deps.size < Math.min(want, PKGS.length); i++) deps.add(r.pick(PKGS));
  const list = [...deps];
  const half = Math.ceil(list.length / 2);
  const fmt = (names) => names.map((d, i) => `    "${d}": "^${r.int(0, 9)}.${r.int(0, 30)}.${r.int(0, 20)}"${i < names.length - 1 ? ',' : ''}`);
  return ['{', `  "name": "@example/${r.pick(WORDS)}-${r.int(1, 999)}",`, `  "version": "${r.int(0, 3)}.${r.int(0, 20)}.${r.int(0, 9)}",`, '  "private": true,', '  "type": "module",', '  "scripts": {',
    '    "build": "tsc -p .",', '    "test": "vitest run",', '    "lint": "eslint ."', '  },', '  "dependencies": {', ...fmt(list.slice(0, half)), '  },', '  "devDependencies": {', ...fmt(list.slice(half)), '  }', '}'].join('\n') + '\n';
}

function properties(r, lines, smtp) {
  const out = ['# Spring Boot', `spring.application.name=${r.pick(WORDS)}`, `server.port=${r.pick([8080, 8081, 9000])}`, `spring.datasource.url=jdbc:postgresql://${r.pick(HOSTS)}:5432/${r.pick(WORDS)}`];
  const smtpAt = smtp ? r.int(out.length, Math.max(out.length, lines - 8)) : -1;
  while (out.length < lines) {
    if (out.length === smtpAt) {
      out.push(`spring.mail.host=${smtp.host}`, `spring.mail.port=${smtp.port}`, `spring.mail.username=${smtp.user}`, `spring.mail.password=${smtp.password}`, 'spring.mail.properties.mail.smtp.auth=true');
      out.push(smtp.secure ? 'spring.mail.properties.mail.smtp.ssl.enable=true' : `spring.mail.properties.mail.smtp.starttls.enable=${smtp.port === 587}`);
      if (smtp.verifyOff) out.push('spring.mail.properties.mail.smtp.ssl.trust=*');
      continue;
    }
    if (r.chance(0.06)) out.push(r.chance(0.5) ? '' : `# ${r.pick(AREAS)}`);
    else {
      const key = r.pick(KEYS);
      out.push(`app.${r.pick(AREAS)}.${r.pick(WORDS)}.${key.replace(/_/g, '-')}=${value(r, key)}`);
    }
  }
  return out.join('\n') + '\n';
}

function ini(r, lines, smtp) {
  const out = [`; ${r.pick(WORDS)} configuration`, `app_mode = production`, ''];
  let smtpDone = !smtp;
  while (out.length < lines || !smtpDone) {
    if (!smtpDone && (out.length > lines * 0.4 || r.chance(0.2))) {
      out.push('[smtp]', 'enabled = true', `host = ${smtp.host}:${smtp.port}`, `user = ${smtp.user}`, `password = """${smtp.password}"""`, `skip_verify = ${!!smtp.verifyOff}`, `from_address = ${smtp.from}`, '');
      smtpDone = true;
      continue;
    }
    out.push(`[${r.pick(AREAS)}${r.chance(0.3) ? `.${r.pick(WORDS)}` : ''}]`);
    for (let i = r.int(1, 12); i > 0; i--) {
      const key = r.pick(KEYS);
      out.push(`${r.chance(0.1) ? ';' : ''}${key} = ${value(r, key)}`);
    }
    out.push('');
  }
  return out.join('\n') + '\n';
}

function djangoSettings(r, lines, smtp) {
  const out = ['"""', `Django settings for ${r.pick(WORDS)} project.`, '"""', 'import os', 'from pathlib import Path', '', 'BASE_DIR = Path(__file__).resolve().parent.parent', `DEBUG = ${r.pick(['True', 'False'])}`,
    `ALLOWED_HOSTS = ["${r.pick(WORDS)}.example.com"]`, '', 'INSTALLED_APPS = [', '    "django.contrib.admin",', '    "django.contrib.auth",', '    "django.contrib.contenttypes",', ']', '',
    'DATABASES = {', '    "default": {', '        "ENGINE": "django.db.backends.postgresql",', `        "NAME": os.environ.get("DB_NAME", "${r.pick(WORDS)}"),`, `        "HOST": "${r.pick(HOSTS)}",`, '        "PORT": 5432,', '    }', '}', ''];
  if (smtp) {
    out.push("EMAIL_BACKEND = 'django.core.mail.backends.smtp.EmailBackend'", `EMAIL_HOST = "${smtp.host}"`, `EMAIL_PORT = ${smtp.port}`, `EMAIL_USE_TLS = ${smtp.secure ? 'False' : 'True'}`, `EMAIL_USE_SSL = ${smtp.secure ? 'True' : 'False'}`,
      `EMAIL_HOST_USER = '${smtp.user}'`, 'EMAIL_HOST_PASSWORD = os.environ["EMAIL_HOST_PASSWORD"]', '');
  }
  while (out.length < lines) {
    const key = r.pick(KEYS);
    const v = value(r, key);
    if (r.chance(0.05)) out.push('', `# ${r.pick(AREAS)}`);
    else out.push(`${upper(r.pick(AREAS))}_${upper(key)} = ${/^\d+$/.test(v) ? v : /^(true|false)$/.test(v) ? (v === 'true' ? 'True' : 'False') : `"${v}"`}`);
  }
  return out.join('\n') + '\n';
}

/** kind → [relative path in a module folder, generator, can hold SMTP settings, weight, max lines]. */
const KINDS = [
  ['.env', dotenv, true, 14, 150],
  ['.env.production', dotenv, true, 8, 150],
  ['docker-compose.yml', compose, true, 10, 400],
  ['k8s/deployment.yaml', k8s, true, 10, 400],
  ['src/main/resources/application.yml', springYaml, true, 10, 300],
  ['appsettings.json', appsettings, true, 8, 300],
  ['package.json', packageJson, false, 16, 60],
  ['src/main/resources/application.properties', properties, true, 8, 250],
  ['config/app.ini', ini, true, 8, 300],
  ['app/settings.py', djangoSettings, true, 8, 300],
];

export const FORMAT_OF_KIND = {
  '.env': 'dotenv', '.env.production': 'dotenv', 'docker-compose.yml': 'yaml (Compose)', 'k8s/deployment.yaml': 'yaml (Kubernetes)',
  'src/main/resources/application.yml': 'yaml (Spring)', 'appsettings.json': 'json (appsettings)', 'package.json': 'json (package.json)',
  'src/main/resources/application.properties': 'properties', 'config/app.ini': 'ini', 'app/settings.py': 'settings.py',
};

/**
 * Writes `count` config files (plus a README.md and an index.js per module folder that
 * the walk must skip) under `root`. Returns what was written.
 */
export function generateWorkspace(root, { count = 10_000, seed = 20240611, smtpShare = 0.04 } = {}) {
  const r = rng(seed);
  const stats = { files: 0, bytes: 0, lines: 0, smtpFiles: 0, noiseFiles: 0, byKind: {}, smtpPaths: new Set() };
  const totalWeight = KINDS.reduce((s, k) => s + k[3], 0);
  let module = 0;
  while (stats.files < count) {
    const dir = path.join(root, `project-${String(Math.floor(module / 20)).padStart(3, '0')}`, `service-${String(module % 20).padStart(2, '0')}`);
    module++;
    const used = new Set();
    const want = Math.min(r.int(2, 7), count - stats.files);
    for (let guard = 0; used.size < want && guard < 50; guard++) {
      let w = r.next() * totalWeight;
      const kind = KINDS.find((k) => (w -= k[3]) < 0) ?? KINDS[0];
      if (used.has(kind[0])) continue;
      used.add(kind[0]);
      const [rel, gen, canSmtp, , maxLines] = kind;
      const lines = r.logInt(3, maxLines);
      const smtp = canSmtp && r.chance(smtpShare) ? smtpSettings(r, rel.includes('production')) : null;
      const text = gen(r, lines, smtp);
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      stats.files++;
      stats.bytes += Buffer.byteLength(text);
      stats.lines += text.split('\n').length - 1;
      stats.byKind[rel] = (stats.byKind[rel] ?? 0) + 1;
      if (smtp) {
        stats.smtpFiles++;
        stats.smtpPaths.add(file);
      }
    }
    fs.writeFileSync(path.join(dir, 'README.md'), `# ${path.basename(dir)}\n\nNot a config file.\n`);
    fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'index.js'), "console.log('hello');\n");
    stats.noiseFiles += 2;
  }
  return stats;
}

/**
 * A large Spring-style application.yml of about `lines` lines with one SMTP group in
 * the middle (for the re-analysis figure), and the offsets of single digits far from
 * the group that a one-character edit may change.
 */
export function bigYaml(lines = 5000, seed = 7) {
  const r = rng(seed);
  const before = ['server:', '  port: 8080', 'app:', ...yamlMap(r, 2, Math.floor(lines / 2) - 3)];
  const group = ['spring:', '  mail:', '    host: smtp.sendgrid.net', '    port: 587', '    username: apikey', '    password: ${SENDGRID_KEY}', '    properties:', '      mail:', '        smtp:', '          auth: true', '          starttls:', '            enable: true'];
  const after = ['features:', ...yamlMap(r, 2, lines - before.length - group.length - 1)];
  const text = [...before, ...group, ...after].join('\n') + '\n';
  const digits = [];
  const re = /: (\d+)$/gm;
  let m;
  while ((m = re.exec(text))) digits.push(m.index + 2);
  return { text, digits, groupOffset: text.indexOf('spring:\n  mail:') };
}

/**
 * The same size, with the SMTP settings nested in the middle of one big top-level map
 * (`app: … notifications: mail: …`), so that no top-level key says where they are.
 */
export function bigYamlNested(lines = 5000, seed = 11) {
  const r = rng(seed);
  const half = Math.floor(lines / 2);
  const group = ['  notifications:', '    mail:', '      host: smtp.sendgrid.net', '      port: 465', '      secure: false', '      user: apikey', '      pass: ${SENDGRID_KEY}'];
  // One map in two parts around the group: one set of keys, or the text would have keys twice (which Spring Boot
  // refuses to load, and which the partial read hands to the full parse).
  const appKeys = new Set(['notifications']);
  const before = ['server:', '  port: 8080', 'app:', ...yamlMap(r, 2, half - 3, 0, appKeys)];
  const after = yamlMap(r, 2, lines - before.length - group.length, 0, appKeys);
  const text = [...before, ...group, ...after].join('\n') + '\n';
  const digits = [];
  const re = /: (\d+)$/gm;
  let m;
  while ((m = re.exec(text))) digits.push(m.index + 2);
  return { text, digits, groupOffset: text.indexOf('  notifications:\n    mail:') };
}
