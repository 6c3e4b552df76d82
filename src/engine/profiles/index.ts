// The framework profiles, one module each, and what the rest of the engine reads from them.
// Adding a framework: write its module (CONTRIBUTING.md), add its id to ProfileId (types.ts)
// and list it here.

import { spring } from './spring';
import { jakartaMail } from './jakarta-mail';
import { laravel } from './laravel';
import { symfony } from './symfony';
import { django } from './django';
import { flaskMail } from './flask-mail';
import { authentik } from './authentik';
import { rails } from './rails';
import { redmine } from './redmine';
import { gitlab } from './gitlab';
import { actionmailerEnv } from './actionmailer-env';
import { discourse } from './discourse';
import { bitnamiDiscourse } from './bitnami-discourse';
import { bitnamiGhost } from './bitnami-ghost';
import { bitnamiWordpress } from './bitnami-wordpress';
import { nodemailer } from './nodemailer';
import { n8n } from './n8n';
import { lightdash } from './lightdash';
import { directus } from './directus';
import { gotrue } from './gotrue';
import { plausible } from './plausible';
import { nextcloud } from './nextcloud';
import { keycloak } from './keycloak';
import { grafana } from './grafana';
import { gitea } from './gitea';
import { mattermost } from './mattermost';
import { actionSendMail } from './action-send-mail';
import { systemNetMail } from './system-net-mail';
import { vaultwarden } from './vaultwarden';
import { outline } from './outline';
import { synapse } from './synapse';
import { peertube } from './peertube';
import { maybe } from './maybe';
import { playMailer } from './play-mailer';
import { playSmtp } from './play-smtp';
import { smtplib } from './smtplib';
import { phpmailer } from './phpmailer';
import { swiftmailer } from './swiftmailer';
import { netSmtp } from './net-smtp';
import { mailGem } from './mail-gem';
import { dockerGitlab } from './docker-gitlab';
import { airflow } from './airflow';
import { superset } from './superset';
import { metabase } from './metabase';
import { paperless } from './paperless';
import { formbricks } from './formbricks';
import { documenso } from './documenso';
import { snapp } from './snapp';
import { wpMailSmtp } from './wp-mail-smtp';
import { mailkit } from './mailkit';
import { goNetSmtp } from './go-net-smtp';
import { gomail } from './gomail';
import { goMail } from './go-mail';
import { alertmanager } from './alertmanager';
import { authelia } from './authelia';
import { calcom } from './calcom';
import { docmost } from './docmost';
import { gotosocial } from './gotosocial';
import { healthchecks } from './healthchecks';
import { hoppscotch } from './hoppscotch';
import { jellyseerr } from './jellyseerr';
import { kanboard } from './kanboard';
import { keila } from './keila';
import { lldap } from './lldap';
import { mealie } from './mealie';
import { ntfy } from './ntfy';
import { odoo } from './odoo';
import { oryKratos } from './ory-kratos';
import { passbolt } from './passbolt';
import { penpot } from './penpot';
import { pretix } from './pretix';
import { rallly } from './rallly';
import { roundcube, roundcubeConfig } from './roundcube';
import { matomo } from './matomo';
import { sentry } from './sentry';
import { twenty } from './twenty';
import { weblate } from './weblate';
import { lemmy } from './lemmy';
import { dify } from './dify';
import { baserow } from './baserow';
import { netbox } from './netbox';
import { mailman } from './mailman';
import { ratticweb } from './ratticweb';
import { fluentPluginMail } from './fluent-plugin-mail';
import { vikunja } from './vikunja';
import { pocketId } from './pocket-id';
import { immich } from './immich';
import { icloudDocker } from './icloud-docker';
import { generic } from './generic';
import type { FrameworkProfile, ProfileId, TlsTarget } from './types';

export type * from './types';

/**
 * Every profile by id; the type makes a profile missing for an id, or filed under another id, a compile error.
 * The order is the matcher's last tie-break (groups.ts): specific profiles first, the generic one last.
 */
const PROFILES_BY_ID: { readonly [Id in ProfileId]: FrameworkProfile<Id> } = {
  spring,
  'jakarta-mail': jakartaMail,
  laravel,
  symfony,
  // App profiles that share a prefix with Django's (EMAIL_*) win its ties by coming first.
  healthchecks,
  kanboard,
  mealie,
  odoo,
  passbolt,
  pretix,
  roundcube,
  'roundcube-config': roundcubeConfig,
  matomo,
  sentry,
  weblate,
  netbox,
  django,
  'flask-mail': flaskMail,
  authentik,
  rails,
  redmine,
  gitlab,
  'actionmailer-env': actionmailerEnv,
  discourse,
  'bitnami-discourse': bitnamiDiscourse,
  'bitnami-ghost': bitnamiGhost,
  'bitnami-wordpress': bitnamiWordpress,
  nodemailer,
  n8n,
  lightdash,
  directus,
  gotrue,
  plausible,
  nextcloud,
  keycloak,
  grafana,
  gitea,
  mattermost,
  'action-send-mail': actionSendMail,
  'system-net-mail': systemNetMail,
  vaultwarden,
  outline,
  synapse,
  peertube,
  maybe,
  'play-mailer': playMailer,
  'play-smtp': playSmtp,
  smtplib,
  phpmailer,
  swiftmailer,
  'net-smtp': netSmtp,
  'mail-gem': mailGem,
  'docker-gitlab': dockerGitlab,
  airflow,
  superset,
  metabase,
  paperless,
  formbricks,
  documenso,
  snapp,
  'wp-mail-smtp': wpMailSmtp,
  mailkit,
  'go-net-smtp': goNetSmtp,
  gomail,
  'go-mail': goMail,
  alertmanager,
  authelia,
  calcom,
  docmost,
  gotosocial,
  hoppscotch,
  jellyseerr,
  keila,
  lldap,
  ntfy,
  'ory-kratos': oryKratos,
  penpot,
  rallly,
  twenty,
  lemmy,
  dify,
  baserow,
  mailman,
  ratticweb,
  'fluent-plugin-mail': fluentPluginMail,
  vikunja,
  'pocket-id': pocketId,
  immich,
  'icloud-docker': icloudDocker,
  generic,
};

export const PROFILES: readonly FrameworkProfile[] = Object.values(PROFILES_BY_ID);

export function profileById<Id extends ProfileId>(id: Id): FrameworkProfile<Id> {
  return PROFILES_BY_ID[id];
}

/**
 * How to switch a framework to STARTTLS or implicit TLS, in its own words and with its name
 * (`Laravel: set MAIL_SCHEME=smtps`); for the probe, which knows no profile internals.
 */
export function tlsAdvice(id: ProfileId, target: TlsTarget): string | undefined {
  const profile = PROFILES_BY_ID[id];
  return profile.howTo ? `${profile.name}: ${profile.howTo[target]}` : undefined;
}
