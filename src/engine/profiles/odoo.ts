// Odoo: the smtp_* options of odoo.conf ([options]), used when no outgoing mail server record exists in the database.
// Source: odoo/odoo odoo/addons/base/models/ir_mail_server.py (00393b5) connect(): smtp_server, smtp_port
// (tools.config.get('smtp_port', 25)), smtp_user, smtp_password; `if smtp_encryption is None and
// tools.config.get('smtp_ssl'): smtp_encryption = 'starttls'  # smtp_ssl => STARTTLS as of v7`, then smtplib.SMTP and
// connection.starttls() (raises when the server does not offer it). 'ssl' (SMTP_SSL) exists only for ir.mail_server
// records, so odoo.conf cannot ask for implicit TLS. Defaults (odoo/docker 18.0/odoo.conf, commented): smtp_server
// localhost, smtp_port 25, smtp_ssl False, smtp_user/smtp_password False.

import type { FrameworkProfile } from './types';

export const odoo: FrameworkProfile<'odoo'> = {
  id: 'odoo',
  name: 'Odoo (odoo.conf)',
  docs: 'https://www.odoo.com/documentation/latest/developer/reference/cli.html#email',
  // [options] smtp_server: the section is Odoo's, told by its other options.
  prefixes: [{ words: 'options', needsSignature: true }],
  keys: [
    { key: 'smtp server', role: 'host', default: 'localhost' },
    { key: 'smtp port', role: 'port', default: '25' },
    { key: 'smtp user', role: 'user' },
    { key: 'smtp password', role: 'password' },
    { key: 'smtp ssl', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
  ],
  signature: ['addons path', 'admin passwd', 'db host', 'db name', 'xmlrpc port', 'http port', 'data dir'],
  tlsDefault: { otherwise: 'none' },
  noImplicitTls: true,
  tlsRecipe: {
    starttls: { keys: [{ key: 'smtp ssl', value: true, add: true, spelling: 'smtp_ssl' }] },
  },
  spelling: { booleans: 'True' },
  howTo: {
    starttls: 'set smtp_ssl = True (STARTTLS)',
    implicit: 'configure an outgoing mail server with SSL/TLS in Odoo (odoo.conf cannot)',
  },
};
