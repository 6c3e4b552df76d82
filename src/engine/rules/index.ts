// The rule registry: one module per rule, listed here and in the README's rule table.
import { appPasswordRequired } from './app-password-required';
import { cleartextAuth } from './cleartext-auth';
import { conflictingTlsFlags } from './conflicting-tls-flags';
import { devMailCatcherInProduction } from './dev-mail-catcher-in-production';
import { gmailAppPassword } from './gmail-app-password';
import { hostMalformed } from './host-malformed';
import { implicitTlsOnStarttlsPort } from './implicit-tls-on-starttls-port';
import { invalidPort } from './invalid-port';
import { opportunisticStarttls } from './opportunistic-starttls';
import { outlookBasicAuth } from './outlook-basic-auth';
import { plaintextOnImplicitTlsPort } from './plaintext-on-implicit-tls-port';
import { port25Submission } from './port-25-submission';
import { providerPortUnsupported } from './provider-port-unsupported';
import { providerUsername } from './provider-username';
import type { Rule } from './rule';
import { tlsVerifyDisabled } from './tls-verify-disabled';

export const RULES: readonly Rule[] = [
  port25Submission,
  implicitTlsOnStarttlsPort,
  plaintextOnImplicitTlsPort,
  outlookBasicAuth,
  gmailAppPassword,
  appPasswordRequired,
  providerPortUnsupported,
  providerUsername,
  cleartextAuth,
  opportunisticStarttls,
  tlsVerifyDisabled,
  conflictingTlsFlags,
  invalidPort,
  hostMalformed,
  devMailCatcherInProduction,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

export type { Rule, RuleContext, RuleFinding, AnalysisContext } from './rule';
