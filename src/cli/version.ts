import packageJson from '../../package.json' with { type: 'json' };

export const TOKENOPS_VERSION: string = packageJson.version;
