// Reads the configuration once, at start: finds the file, expands ${ENV} references, validates, and
// returns a frozen object. Every problem is reported together, each with its key path.
import fs from 'node:fs';
import path from 'node:path';
import { configSchema, type Config } from './config-schema.js';
import { KeepwarmError } from '../errors.js';
import { parseDatabaseUrl } from '../db/open-database.js';

export interface LoadedConfig {
  config: Readonly<Config>;
  /** The file it came from, or null for built-in defaults. */
  file: string | null;
  /** Relative paths in the config (database, CA files) are resolved against this folder. */
  baseDir: string;
}

export interface ConfigSource {
  explicitPath?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export const DEFAULT_CONFIG_FILE = 'keepwarm.config.json';

export function findConfigFile(source: ConfigSource): string | null {
  const chosen = source.explicitPath ?? source.env.KEEPWARM_CONFIG;
  if (chosen) return path.resolve(source.cwd, chosen);
  const fallback = path.resolve(source.cwd, DEFAULT_CONFIG_FILE);
  return fs.existsSync(fallback) ? fallback : null;
}

/** Replaces ${NAME} in every string value; a missing variable is a problem at that key path. */
export function expandEnv(
  value: unknown,
  env: Readonly<Record<string, string | undefined>>,
  problems: string[],
  at: string[] = [],
): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      const found = env[name];
      if (found === undefined) {
        problems.push(`${formatPath(at)}: environment variable ${name} is not set`);
        return '';
      }
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => expandEnv(item, env, problems, [...at, String(i)]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, expandEnv(item, env, problems, [...at, key])]),
    );
  }
  return value;
}

function formatPath(at: readonly (string | number | symbol)[]): string {
  return at.length === 0 ? '(top level)' : at.map(String).join('.');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

/** Validates an already-read JSON value; throws config_invalid listing every problem. */
export function parseConfig(raw: unknown, env: ConfigSource['env'], where: string, baseDir: string): Readonly<Config> {
  const problems: string[] = [];
  const expanded = expandEnv(raw ?? {}, env, problems);
  const result = configSchema.safeParse(expanded);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push(`${formatPath(issue.path)}: ${issue.message}`);
    }
  } else if (!parseDatabaseUrl(result.data.database, baseDir)) {
    problems.push('database: expected sqlite:PATH (or postgres://… later)');
  }
  if (problems.length > 0 || !result.success) {
    throw new KeepwarmError('config_invalid', `${where} has ${problems.length} problem(s)`, { details: problems });
  }
  return deepFreeze(result.data);
}

export function loadConfig(source: ConfigSource): LoadedConfig {
  const file = findConfigFile(source);
  if (!file)
    return { config: parseConfig({}, source.env, 'built-in defaults', source.cwd), file: null, baseDir: source.cwd };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new KeepwarmError('config_invalid', `cannot read config ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new KeepwarmError('config_invalid', `${file} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const baseDir = path.dirname(file);
  return { config: parseConfig(raw, source.env, file, baseDir), file, baseDir };
}
