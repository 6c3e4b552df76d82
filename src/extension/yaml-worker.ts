// The worker thread that parses big YAML texts whole for the extension host (yaml-parser.ts): the yaml library
// composes a document in one call, which on the host would block every other extension. No `vscode` here.
import { parentPort } from 'node:worker_threads';
import { answerYamlParseRequest, isYamlParseRequest } from '../engine';

parentPort?.on('message', (message: { id: number; request: unknown }) => {
  const { id, request } = message;
  try {
    parentPort!.postMessage({ id, result: isYamlParseRequest(request) ? answerYamlParseRequest(request) : undefined });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
