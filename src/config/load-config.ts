import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { ConfigError } from '../domain/errors/index.ts';
import { configSchema, type TokenopsConfig } from './config-schema.ts';

export interface LoadedConfig {
  config: TokenopsConfig;
  /** The file read, or undefined when running on defaults. */
  path?: string;
}

const DEFAULT_FILE = 'tokenops.yaml';
const DOCS = 'see docs/configuration.md for every key';

/**
 * Reads and validates tokenops.yaml once, at the composition root. `explicitPath` comes from
 * --config; without it ./tokenops.yaml is used when present, else the defaults.
 */
export function loadConfig(explicitPath: string | undefined, cwd: string): LoadedConfig {
  const path = explicitPath ? resolve(cwd, explicitPath) : resolve(cwd, DEFAULT_FILE);
  if (!existsSync(path)) {
    if (explicitPath) {
      throw new ConfigError(
        `config file ${explicitPath} not found`,
        'check the path given to --config, or leave it out to use ./tokenops.yaml',
      );
    }
    return { config: configSchema.parse({}) };
  }
  return {
    config: parseConfigText(readFileSync(path, 'utf8'), explicitPath ?? DEFAULT_FILE),
    path,
  };
}

/** Validates YAML text; errors name the file, the line, the key and the fix. */
export function parseConfigText(text: string, fileName: string): TokenopsConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  const [syntaxError] = document.errors;
  if (syntaxError) {
    const line = syntaxError.linePos?.[0].line;
    throw new ConfigError(
      `${fileName}${line ? `:${line}` : ''}: ${syntaxError.message.split('\n')[0] ?? 'invalid YAML'}`,
      'fix the YAML syntax at that line (indentation, a missing colon or quote)',
    );
  }
  const result = configSchema.safeParse(document.toJS() ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ConfigError(`${fileName}: invalid configuration`, DOCS);
  const path = issue.path.map(String);
  const keyPath = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path;
  const node = document.getIn(keyPath, true);
  const offset = isNode(node) ? node.range?.[0] : undefined;
  const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
  const key = keyPath.join('.') || '(top level)';
  const reason =
    issue.code === 'unrecognized_keys'
      ? `unknown key "${issue.keys.join('", "')}"`
      : `${key} ${issue.message}`;
  throw new ConfigError(`${fileName}${line ? `:${line}` : ''}: ${reason}`, DOCS);
}
