import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { ConfigError } from '../domain/errors/index.ts';
import { configSchema, type TokenopsConfig } from './config-schema.ts';
import { describeConfigIssue } from './describe-config-issue.ts';

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
  const fileName = explicitPath ?? DEFAULT_FILE;
  return { config: parseConfigText(readConfigFile(path, fileName), fileName), path };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The file as text; a directory, an unreadable file or bytes that are not UTF-8 are refused. */
function readConfigFile(path: string, fileName: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new ConfigError(
      `cannot read ${fileName} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'point --config at a readable YAML file',
    );
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ConfigError(
      `${fileName} is not UTF-8 text`,
      'save the file as UTF-8 (YAML files are text)',
    );
  }
}

/** Validates YAML text; errors name the file, the line, the key and the fix. */
export function parseConfigText(text: string, fileName: string): TokenopsConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  const [syntaxError] = document.errors;
  if (syntaxError) {
    const line = syntaxError.linePos?.[0].line;
    const where = `${fileName}${line ? `:${line}` : ''}`;
    if (syntaxError.code === 'MULTIPLE_DOCS') {
      throw new ConfigError(
        `${where}: a second YAML document starts here`,
        'keep one document: remove this --- line and merge what follows into the keys above',
      );
    }
    // The parser's first line ends "at line 3, column 1:"; the line is already in front.
    const message = (syntaxError.message.split('\n')[0] ?? 'invalid YAML').replace(
      / at line \d+, column \d+:?$/,
      '',
    );
    throw new ConfigError(
      `${where}: ${message}`,
      'fix the YAML syntax at that line (indentation, a missing colon or quote)',
    );
  }
  const plain = toPlainValue(document, fileName) ?? {};
  const result = configSchema.safeParse(plain);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new ConfigError(`${fileName}: invalid configuration`, DOCS);
  const path = issue.path.map(String);
  const keyPath = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0] ?? ''] : path;
  const line = lineOf(document, lineCounter, keyPath);
  const { reason, fix } = describeConfigIssue(configSchema, issue, valueAt(plain, issue.path));
  throw new ConfigError(`${fileName}${line ? `:${line}` : ''}: ${reason}`, fix);
}

/**
 * The document as plain data. Aliases can fail here (one used before its anchor, or so many
 * that they expand into a "billion laughs"): that is the file's fault, said as such.
 */
function toPlainValue(document: Document, fileName: string): unknown {
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ConfigError(
      `${fileName}: ${(error as Error).message.split('\n')[0] ?? 'invalid YAML'}`,
      'define each &anchor before its *alias, and use aliases sparingly',
    );
  }
}

function valueAt(plain: unknown, path: readonly PropertyKey[]): unknown {
  let value = plain;
  for (const step of path) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<PropertyKey, unknown>)[step]
        : undefined;
  }
  return value;
}

/** The line of the key at fault, or of its nearest parent when the key itself is missing. */
function lineOf(
  document: Document,
  lineCounter: LineCounter,
  keyPath: readonly string[],
): number | undefined {
  for (let length = keyPath.length; length > 0; length -= 1) {
    const node = document.getIn(keyPath.slice(0, length), true);
    const offset = isNode(node) ? node.range?.[0] : undefined;
    if (offset !== undefined) return lineCounter.linePos(offset).line;
  }
  return undefined;
}
