// Public API of the engine: what the adapters (src/extension, src/cli) import.
// Plain Node only: nothing under src/engine imports `vscode`, the probe or an adapter
// (eslint.config.mjs enforces it). Modules behind this file are internals: an
// adapter that needs something new gets it exported here.

export { analyzeText, analysisSteps, describeInternalError, DIAGNOSTIC_SOURCE, FINDING_IDS, isConfigFile, ruleDocsUrl, DOCS_BASE } from './analyze';
export { formatConfigError, ProjectConfigResolver, PROJECT_CONFIG_FILES } from './config/project-config';
export type { ConfigError, ProjectConfig, ResolvedConfig } from './config/project-config';
export { disableFileEdit, disableLineEdit, UNUSED_SUPPRESSION } from './suppressions';
export type { Analysis, AnalyzeOptions, ElsewhereFinding, Finding, InternalError, RuleSetting } from './analyze';
export { ensureCodeParser, prepareCodeFile } from './code';
export { isComposeFile, variablesOf } from './environment';
export { analyzeInProject, environmentFor, fixAllInProject, fixAllStepsInProject, fixesInProject, fixStepsInProject, inputsOf, projectAnalysisSteps, projectOptions, readersOf, readsFrom } from './project';
export type { ProjectFiles } from './project';
export { inputsMatter } from './project-code';
export type { EnvironmentVariables } from './environment';
export { fixAll, fixAllSteps, fixesFor, fixStepsFor, applyEdits, switchTlsFix, switchTlsFixSteps, type InternalErrorHandler } from './fixes';
export type { Fix, TextEdit, TlsTarget } from './fixes';
export { hoverAt, hoverMarkdown, lensOffset, summarizeGroup } from './explain';
export { CONFIG_FILES_GLOB, inSkippedFolder, isSkippedFolder, MAX_FILE_BYTES, PROJECT_ROOT_MARKERS, SKIPPED_FOLDERS_GLOB } from './facts/files';
export { hostNameOf } from './model';
export type { SmtpGroup } from './model';
export { RULES, ruleById } from './rules';
export type { AnalysisContext, Rule } from './rules';
export type { MessageData, RelatedInformation } from './rules/rule';
export { LineIndex, minimalChange } from './text';
export type { FileLocation, FormatId, ParseError, Position, Range, Severity } from './types';
export { isPlaceholderSecret, isTemplate } from './values';
export { answerYamlParseRequest } from './formats/yaml';
export { isYamlParseRequest } from './steps';
export type { Steps, YamlParseRequest } from './steps';
