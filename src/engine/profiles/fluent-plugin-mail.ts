// fluent-plugin-mail: Fluentd's `@type mail` output (a <match> or <store> section), sent with Ruby's Net::SMTP.
// Source: u-ichi/fluent-plugin-mail lib/fluent/plugin/out_mail.rb (commit ad9a510): config_param host (required),
// port 25, user, password, authtype 'plain', enable_starttls_auto false, enable_tls false; sendmail():
// `smtp = Net::SMTP.new(@host, @port)`, and only `if @user and @password`: `smtp.enable_starttls if
// @enable_starttls_auto` (Net::SMTP#enable_starttls: STARTTLS required, despite the name) and `smtp.enable_tls
// if @enable_tls` (TLS from the first byte). Both at once: Net::SMTP raises "SMTPS and STARTTLS is exclusive"
// (ruby/net-smtp lib/net/smtp.rb, see net-smtp.ts). Without either flag, Net::SMTP's own default applies
// (STARTTLS when offered since net-smtp 0.2.0). Not modelled: without user and password both flags are
// ignored (the connection is Net::SMTP's default).

import type { FrameworkProfile } from './types';

export const fluentPluginMail: FrameworkProfile<'fluent-plugin-mail'> = {
  id: 'fluent-plugin-mail',
  name: 'fluent-plugin-mail',
  docs: 'https://github.com/u-ichi/fluent-plugin-mail',
  // `@type mail` (`type mail` before Fluentd v1) names the plugin; other outputs' host and port are not mail, nor is a
  // database block's `type: postgres` beside its `host` (requarks/wiki config.sample.yml).
  prefixes: [{ words: '', signature: ['type'], signatureValues: { type: /^mail$/ } }],
  keys: [
    { key: 'type', role: 'enabled', activeValues: /^mail$/ },
    { key: 'host', role: 'host' },
    { key: 'port', role: 'port', default: '25', defaultWithImplicitTls: '25' },
    { key: 'user', role: 'user' },
    { key: 'password', role: 'password' },
    { key: 'enable tls', role: 'secure', tls: { kind: 'implicit-flag' } },
    { key: 'enable starttls auto', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-required' } },
  ],
  signature: ['enable starttls auto', 'enable tls', 'message out keys', 'subject out keys'],
  tlsDefault: { otherwise: 'starttls-opportunistic' },
  exclusiveTls: 'Net::SMTP raises "SMTPS and STARTTLS is exclusive"',
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'enable starttls auto', value: true, add: true, spelling: 'enable_starttls_auto' },
        { key: 'enable tls', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'enable tls', value: true, add: true, spelling: 'enable_tls' },
        { key: 'enable starttls auto', value: false },
      ],
    },
  },
  howTo: {
    starttls: 'set enable_starttls_auto true and enable_tls false',
    implicit: 'set enable_tls true and enable_starttls_auto false',
  },
};
