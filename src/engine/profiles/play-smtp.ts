// The Play 2 mailer plugins' `smtp.*` keys in conf/application.conf (HOCON), before play-mailer's
// `play.mailer.*` (play-mailer.ts), both sent with Apache Commons Email. Two plugins read them, and apps copied
// their code; what they share is what this profile says:
// - typesafehub/play-plugins mailer, MailerPlugin.scala (read in vendored copies, e.g. the `ApacheCommonsMailerPlugin`
//   with `apachecommonsmailerplugin` disabled switch): smtp.mock default false, smtp.host required, smtp.port 25,
//   smtp.ssl false (Commons Email setSSLOnConnect: implicit TLS), smtp.tls false (setTLS / setStartTLSEnabled:
//   STARTTLS when the server offers it), smtp.user, smtp.password.
// - schleichardt/Play-2-Mailplugin (Yona's mailer), Plugin/app/info/schleichardt/play2/mailplugin/MailPlugin.scala
//   (02db9d0) and interceptors/ConfigurationEmailInterceptor.scala (249b62b): smtp.mock default **true**, smtp.host,
//   smtp.port 25, smtp.ssl false (setSSL / setSSLOnConnect), smtp.user, smtp.password; no TLS key at all (no STARTTLS).
// So: `ssl` is implicit TLS under both; `tls` means STARTTLS under one and nothing under the other (ambiguous: when
// on, the mode is unknown); without either, no encryption under both. `mock` tells the plugins apart from other
// `smtp.*` settings (their signature), and only `mock = false` surely sends (their defaults differ). No fix writes
// `tls`, which Play-2-Mailplugin does not read; implicit TLS (`ssl = true` on 465) is right under both.

import { PLAY_COMMONS_EMAIL_KEYS } from './shared';
import type { FrameworkProfile } from './types';

export const playSmtp: FrameworkProfile<'play-smtp'> = {
  id: 'play-smtp',
  name: 'Play mailer plugin (smtp.*)',
  docs: 'https://github.com/schleichardt/Play-2-Mailplugin#configuration',
  prefixes: [{ words: 'smtp', signature: ['mock'] }],
  // `mock` is written in every file of this profile (its signature), so their different defaults never count.
  keys: [...PLAY_COMMONS_EMAIL_KEYS, { key: 'tls', role: 'starttls', tls: { kind: 'ambiguous' } }],
  // Commons Email neither starts TLS nor connects with it unless told to.
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    // No switch to STARTTLS: Play-2-Mailplugin cannot (every file of this profile has smtp.mock, its signature).
    starttls: { keys: [], blockedBy: /(?:^|\.)mock$/ },
    implicit: { keys: [{ key: 'ssl', value: true, add: true, spelling: 'ssl' }] },
  },
  howTo: {
    starttls: 'use port 465 with smtp.ssl = true (Play-2-Mailplugin has no STARTTLS)',
    implicit: 'set smtp.ssl = true',
  },
};
