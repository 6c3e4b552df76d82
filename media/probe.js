// Buttons of the report panel (probe report or explanation): they only post messages to the extension.
(function () {
  const vscode = acquireVsCodeApi();
  for (const command of ['rerun', 'copy', 'transcript', 'fix', 'open', 'test', 'applyFix', 'chooseCa']) {
    const button = document.getElementById(command);
    if (button) button.addEventListener('click', () => vscode.postMessage({ command }));
  }
})();
