// Lemmy: the `email: { … }` object of config/config.hjson (lemmy.hjson in the Docker and Ansible setups), sent
// with the lettre crate. Source: LemmyNet/lemmy, read at three tags:
// - 0.15.4 (commit 8c01526) crates/utils/src/settings/structs.rs EmailConfig: smtp_server (host:port, required;
//   crates/utils/src/email.rs fails with "email.smtp_server needs a port" without one), smtp_login,
//   smtp_password, smtp_from_address, use_tls (bool, required). email.rs: `SmtpTransport::builder_dangerous(host)
//   .port(port)`, then `if use_tls { builder.tls(Tls::Wrapper(…)) }`: use_tls true is TLS from the first byte
//   (implicit), false no TLS at all; there is no STARTTLS (issue LemmyNet/lemmy#1997, "wrong version number" on 587).
// - 0.16.0 to 0.19.20 (commit 1372827b, "Adding starttls support. Fixes #1997"; 0.19.20 e9d49b7): use_tls is gone,
//   `tls_type: String` with `#[default("none")]` (config/defaults.hjson: "Can be none, tls, or starttls");
//   email.rs matches "starttls" → `starttls_relay(host)` (STARTTLS required), "tls" → `relay(host)` (implicit TLS),
//   anything else → builder_dangerous (no TLS), each with `.port(port)`. 0.19's EmailConfig has
//   `#[serde(deny_unknown_fields)]` (a leftover use_tls is refused there); 0.16's has not (it is ignored).
// - 1.0 (commit 1e02dea, "Use connection url to configure email"): `connection: "smtps://user:pass@host:port"`
//   replaces these keys, read by lettre's from_url (lettre/lettre src/transport/smtp/connection_url.rs, fa402db):
//   smtps:// is Tls::Wrapper (port 465 unless given); smtp:// is no TLS (port 25) unless `?tls=required`
//   (STARTTLS required, 587) or `?tls=opportunistic` (587). The `tls` option is not read here: smtp:// is unknown.
// A file with use_tls is read as 0.15 (the only versions that read it); without either key, tls_type's "none".

import type { FrameworkProfile } from './types';

export const lemmy: FrameworkProfile<'lemmy'> = {
  id: 'lemmy',
  name: 'Lemmy',
  docs: 'https://join-lemmy.org/docs/administration/configuration.html',
  prefixes: [
    { words: 'email', needsSignature: true },
    // The email object quoted without its `email: {` (bug reports): only with Lemmy's own words. Not smtp_server with
    // smtp_from_address alone: Mastodon's .env.production has SMTP_SERVER and SMTP_FROM_ADDRESS too (mastodon/mastodon
    // .env.production.sample), and Lemmy would claim its server and password.
    { words: '', signature: ['smtp server & tls type', 'smtp server & use tls'] },
  ],
  keys: [
    { key: 'smtp server', role: 'host', hostWithPort: true },
    { key: 'smtp login', role: 'user' },
    { key: 'smtp password', role: 'password' },
    { key: 'use tls', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'tls type', role: 'protocol', tls: { kind: 'enum', values: { none: 'none', tls: 'implicit', starttls: 'starttls-required' } } },
    { key: 'connection', role: 'url' },
  ],
  // smtp_server as host:port beside smtp_from_address: Lemmy's own words.
  signature: ['smtp server', 'smtp from address', 'connection & smtp from address'],
  urlSchemes: { smtps: 'implicit', smtp: 'unknown' },
  tlsDefault: { otherwise: 'none' },
  tlsWhenImplicitOff: 'none',
  tlsRecipe: {
    // Lemmy 0.15 (use_tls) has no STARTTLS: no fix switches it there.
    // Nor in 1.0 (connection): `?tls=required` is an option no fix writes.
    starttls: { keys: [{ key: 'tls type', value: 'starttls', add: true, spelling: 'tls_type' }], blockedBy: /(^|\.)(use_tls|connection)$/i },
    implicit: {
      scheme: 'smtps',
      keys: [
        { key: 'use tls', value: true },
        { key: 'tls type', value: 'tls', add: true, spelling: 'tls_type' },
      ],
    },
  },
  howTo: {
    starttls: 'set tls_type: "starttls" (0.16+; smtp://…?tls=required in 1.0)',
    implicit: 'set tls_type: "tls" (use_tls: true before 0.16, smtps:// in 1.0)',
  },
};
