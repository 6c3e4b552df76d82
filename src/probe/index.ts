// Public API of the live SMTP probe (no `vscode` import anywhere under src/probe).
export { probe, resolveTlsMode, DEFAULT_TIMEOUT_MS, MAX_GREETING_SILENCE_MS, CERT_EXPIRY_WARN_DAYS } from './session';
export { IMPLICIT_TLS_PORTS } from '../engine/facts/ports';
export { hostPort, isEmailAddress } from './address';
export type { ProgressListener } from './session';
export { probePorts, DEFAULT_PORTS, DEFAULT_PORTS_TIMEOUT_MS } from './ports';
export { renderText, renderMarkdown, renderPortsText, toReportJson, STATUS_MARKS } from './report';
export type { ProbeReportJson, RenderOptions } from './report';
export { DIAGNOSES } from './diagnose';
export { contextOf, explainError, maskSecrets, MAX_EXPLAIN_CHARS } from './explain';
export type { Explanation } from './explain';
export { MAX_LINE_BYTES, MAX_REPLY_LINES, MAX_REPLY_BYTES } from './lineReader';
export type * from './types';
