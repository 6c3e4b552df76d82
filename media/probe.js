// Buttons of the probe report panel: they only post messages to the extension.
(function () {
  const vscode = acquireVsCodeApi();
  for (const command of ['rerun', 'copy', 'transcript']) {
    const button = document.getElementById(command);
    if (button) button.addEventListener('click', () => vscode.postMessage({ command }));
  }
})();
