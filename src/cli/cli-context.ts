import { resolve } from 'node:path';
import { loadConfig, readSecret, type LoadedConfig } from '../config/index.ts';
import { ValidationError } from '../domain/errors/index.ts';
import type { Pricer } from '../pricing/index.ts';
import type { Store } from '../store/store.ts';
import { OUTPUT_FORMATS, type OutputFormat } from './output/output-format.ts';

/** The global options of PRODUCT.md §9, as every command receives them. */
export interface GlobalOptions {
  data: string;
  config?: string;
  server?: string;
  format: string;
  debug?: boolean;
}

/**
 * What a command needs, built lazily so `tokenops --help` loads neither DuckDB nor the
 * price catalog: the store and the pricer are imported on first use.
 */
export class CliContext {
  readonly format: OutputFormat;
  readonly dataDir: string;
  readonly server?: string;
  private loaded?: LoadedConfig;
  private pricing?: Promise<Pricer>;

  constructor(
    private readonly options: GlobalOptions,
    readonly cwd: string,
  ) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(options.format)) {
      throw new ValidationError(
        'invalid option',
        [
          {
            field: 'format',
            reason: `"${options.format}" is not one of ${OUTPUT_FORMATS.join(', ')}`,
          },
        ],
        'use --format table, json or csv',
      );
    }
    this.format = options.format as OutputFormat;
    this.dataDir = resolve(cwd, options.data);
    if (options.server) this.server = options.server.replace(/\/+$/, '');
  }

  get config(): LoadedConfig {
    this.loaded ??= loadConfig(this.options.config, this.cwd);
    return this.loaded;
  }

  /**
   * The bearer token for --server calls: TOKENOPS_TOKEN (any role's token, e.g. a team's),
   * else the variable named by auth.adminTokenEnv.
   */
  apiToken(): string | undefined {
    return readSecret('TOKENOPS_TOKEN') ?? readSecret(this.config.config.auth.adminTokenEnv);
  }

  /** `server` for the long-running `tokenops start` (see openConfiguredStore). */
  async openStore(workload: 'bulk' | 'server' = 'bulk'): Promise<Store> {
    const { openConfiguredStore } = await import('./open-configured-store.ts');
    return openConfiguredStore(this.config.config, this.dataDir, workload);
  }

  /**
   * One pricer for the process: it memoises each model's price plan, so building one per call
   * (a gateway pricing every cache hit's avoided cost did) scans the catalog every time.
   */
  pricer(): Promise<Pricer> {
    this.pricing ??= import('./build-pricer.ts').then(({ buildPricer }) =>
      buildPricer(this.config.config),
    );
    return this.pricing;
  }
}
