// Lets @stryker-mutator/mocha-runner 10.1.1 load mocha 12's CLI internals.
// Mocha 12 renamed lib/cli/run-helpers, options and collect-files to .cjs; the runner
// requires them without an extension, and require() only tries .js, .json and .node.
// Fixed upstream in stryker-js pull request 6205 ("load Mocha cli internals regardless
// of file extension"); delete this file and its uses in stryker.config.mjs once a
// mocha-runner release with it is installed.
// Loaded by stryker.config.mjs (Stryker's main process) and, via testRunnerNodeArgs,
// in each test-runner process. It only adds '.cjs' to the extensions require() tries.
'use strict';
if (!require.extensions['.cjs']) require.extensions['.cjs'] = require.extensions['.js'];
