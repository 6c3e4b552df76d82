// Play Framework's mailer (playframework/play-mailer): `play.mailer.*` in conf/application.conf (HOCON),
// sent with Apache Commons Email over Jakarta Mail.
// Source: playframework/play-mailer at 1654ef9a88c56e2425d27af369170e0611ffacdf:
// - play-mailer/src/main/resources/reference.conf: host null, port 25, ssl no, tls no, tlsRequired no,
//   mock no, props.ssl.checkserveridentity true (props go to both mail.smtp.* and mail.smtps.*);
// - play-mailer/src/main/scala/play/api/libs/mailer/CommonsMailer.scala: setSmtpPort(port) and, with ssl,
//   setSslSmtpPort(port) too: the port stays 25 unless set, whatever ssl says; setSSLOnConnect(ssl),
//   setStartTLSEnabled(tls || tlsRequired), setStartTLSRequired(tlsRequired);
// - SMTPConfiguration.scala / SMTPMailer.scala: mock = yes logs the mail instead of sending it.

import { PLAY_COMMONS_EMAIL_KEYS, VERIFY_OFF_WORDS } from './shared';
import type { FrameworkProfile } from './types';

export const playMailer: FrameworkProfile<'play-mailer'> = {
  id: 'play-mailer',
  name: 'Play mailer',
  docs: 'https://github.com/playframework/play-mailer#configuration',
  prefixes: [{ words: 'play mailer' }],
  keys: [
    ...PLAY_COMMONS_EMAIL_KEYS,
    { key: 'tls', role: 'starttls', tls: { kind: 'starttls-flag', mode: 'starttls-opportunistic' } },
    { key: 'tls required', role: 'starttls', tls: { kind: 'require-tls-flag' } },
    { key: 'props ssl checkserveridentity', role: 'verify', verifyOffWhen: VERIFY_OFF_WORDS },
    { key: 'props ssl trust', role: 'verify', verifyOffWhen: ['*'] },
  ],
  // Commons Email neither starts TLS nor connects with it unless told to.
  tlsDefault: { otherwise: 'none' },
  tlsRecipe: {
    starttls: {
      keys: [
        { key: 'tls required', value: true, add: true, spelling: 'tlsRequired' },
        { key: 'ssl', value: false },
      ],
    },
    implicit: {
      keys: [
        { key: 'ssl', value: true, add: true, spelling: 'ssl' },
        { key: 'tls', value: false },
        { key: 'tls required', value: false },
      ],
    },
  },
  // CommonsMailer.scala: setStartTLSRequired(tlsRequired); `tls` alone is setStartTLSEnabled (used when offered).
  requireStarttls: { key: 'tls required', value: true, spelling: 'tlsRequired', howTo: 'set play.mailer.tlsRequired = yes' },
  howTo: {
    starttls: 'set play.mailer.tlsRequired = yes and play.mailer.ssl = no',
    implicit: 'set play.mailer.ssl = yes',
  },
};
