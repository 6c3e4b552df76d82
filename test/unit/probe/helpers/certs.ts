// Certificates generated at test time with the openssl CLI (EC P-256 keys: fast).
// Made once per test process, in a temporary directory removed at exit.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface KeyPair {
  key: string;
  cert: string;
}

export interface TestCerts {
  dir: string;
  /** PEM of the private test CA, and its path (for --ca). */
  ca: string;
  caFile: string;
  /** CA-signed, for localhost / 127.0.0.1 / ::1, valid one year. */
  localhost: KeyPair;
  /** Self-signed, for localhost / 127.0.0.1. */
  selfSigned: KeyPair;
  /** CA-signed, for mail.example.test only. */
  wrongName: KeyPair;
  /** CA-signed, for localhost, valid only in January 2020. */
  expired: KeyPair;
  /** CA-signed, for localhost, expires in 10 days. */
  expiringSoon: KeyPair;
}

let cached: TestCerts | null = null;

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + __dirname);
    dir = up;
  }
  return dir;
}

export function testCerts(): TestCerts {
  if (cached) return cached;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-doctor-probe-certs-'));
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  fs.copyFileSync(path.join(repoRoot(), 'test/fixtures/probe/openssl-ca.cnf'), path.join(dir, 'ca.cnf'));
  fs.mkdirSync(path.join(dir, 'newcerts'));
  fs.writeFileSync(path.join(dir, 'index.txt'), '');
  fs.writeFileSync(path.join(dir, 'serial'), '1000\n');

  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=SMTP Doctor Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');

  const signed = (name: string, cn: string, extensions: string, validity: string[]): KeyPair => {
    openssl('req', '-new', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
    openssl('ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`, '-out', `${name}.pem`,
      '-extensions', extensions, '-notext', ...validity);
    return read(name);
  };
  const read = (name: string): KeyPair => ({
    key: fs.readFileSync(path.join(dir, `${name}.key`), 'utf8'),
    cert: fs.readFileSync(path.join(dir, `${name}.pem`), 'utf8'),
  });

  const localhost = signed('localhost', 'localhost', 'leaf_localhost', ['-days', '365']);
  const wrongName = signed('wrongname', 'mail.example.test', 'leaf_wrongname', ['-days', '365']);
  const expired = signed('expired', 'localhost', 'leaf_localhost', ['-startdate', '20200101000000Z', '-enddate', '20200201000000Z']);
  const expiringSoon = signed('soon', 'localhost', 'leaf_localhost', ['-days', '10']);
  openssl('req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '365', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1');
  const selfSigned = read('self');

  cached = {
    dir,
    ca: fs.readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    caFile: path.join(dir, 'ca.pem'),
    localhost,
    selfSigned,
    wrongName,
    expired,
    expiringSoon,
  };
  return cached;
}
