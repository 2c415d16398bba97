/** Who offers, hosts, invoices and publishes a provider's models, as FOCUS names them. */
export interface FocusProviderNames {
  serviceName: string;
  /** The one you contract with; also written as the deprecated ProviderName. */
  serviceProviderName: string;
  /** Where the model runs when that is visible; else the service provider itself. */
  hostProviderName: string;
  invoiceIssuerName: string;
  /** The model vendor. */
  publisherName: string;
  /** The provider's word for the account an invoice goes to, when none is configured. */
  billingAccountType: string;
}

interface ProviderEntry extends FocusProviderNames {
  /** A cloud reselling many vendors: the model id names the publisher (MODEL_VENDORS). */
  publisherFromModelId?: true;
}

/**
 * The table of reference/focus.md §7. Clouds sell the models they host, so for Bedrock and
 * Azure the cloud is service provider, host and invoice issuer, and only the publisher is the
 * model vendor. The account types are the providers' own words [ours].
 */
const PROVIDER_NAMES = new Map<string, ProviderEntry>(
  Object.entries({
    openai: {
      serviceName: 'OpenAI API',
      serviceProviderName: 'OpenAI',
      hostProviderName: 'OpenAI',
      invoiceIssuerName: 'OpenAI',
      publisherName: 'OpenAI',
      billingAccountType: 'Organization',
    },
    anthropic: {
      serviceName: 'Claude API',
      serviceProviderName: 'Anthropic',
      hostProviderName: 'Anthropic',
      invoiceIssuerName: 'Anthropic',
      publisherName: 'Anthropic',
      billingAccountType: 'Organization',
    },
    gemini: {
      serviceName: 'Gemini API',
      serviceProviderName: 'Google',
      hostProviderName: 'Google',
      invoiceIssuerName: 'Google',
      publisherName: 'Google',
      billingAccountType: 'Billing Account',
    },
    bedrock: {
      serviceName: 'Amazon Bedrock',
      serviceProviderName: 'AWS',
      hostProviderName: 'AWS',
      invoiceIssuerName: 'AWS',
      publisherName: 'AWS',
      billingAccountType: 'Billing Account',
      publisherFromModelId: true,
    },
    azure: {
      serviceName: 'Azure OpenAI',
      serviceProviderName: 'Microsoft',
      hostProviderName: 'Microsoft',
      invoiceIssuerName: 'Microsoft',
      publisherName: 'OpenAI',
      billingAccountType: 'Billing Account',
    },
  }),
);

/**
 * Vendors named by the first segment of a cloud model id (`anthropic.claude-…`), after an
 * optional cross-region prefix (`us.`, `eu.`, `global.`…): the cloud is not the publisher.
 */
const MODEL_VENDORS = new Map<string, string>(
  Object.entries({
    ai21: 'AI21 Labs',
    amazon: 'Amazon',
    anthropic: 'Anthropic',
    cohere: 'Cohere',
    deepseek: 'DeepSeek',
    meta: 'Meta',
    mistral: 'Mistral AI',
    openai: 'OpenAI',
    qwen: 'Qwen',
    writer: 'Writer',
  }),
);

/** A provider outside the table (an OpenAI-compatible server) is named by its own name. */
export function focusProviderNames(provider: string, model: string): FocusProviderNames {
  const entry = PROVIDER_NAMES.get(provider);
  if (!entry) {
    return {
      serviceName: provider,
      serviceProviderName: provider,
      hostProviderName: provider,
      invoiceIssuerName: provider,
      publisherName: provider,
      billingAccountType: 'Billing Account',
    };
  }
  const { publisherFromModelId, ...names } = entry;
  const vendor = publisherFromModelId ? modelVendor(model) : undefined;
  return vendor ? { ...names, publisherName: vendor } : names;
}

function modelVendor(model: string): string | undefined {
  const [first = '', second = ''] = model.split('.');
  return MODEL_VENDORS.get(first) ?? MODEL_VENDORS.get(second);
}
