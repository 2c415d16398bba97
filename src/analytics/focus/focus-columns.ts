/** FOCUS data types as the specification names them (reference/focus.md §3). */
export type FocusDataType = 'String' | 'Decimal' | 'Date/Time' | 'JSON';

/** How a file writer stores a column: JSON is serialized text, so it is VARCHAR too. */
export type FocusStorageType = 'VARCHAR' | 'DECIMAL' | 'TIMESTAMP';

interface FocusColumnSpecification {
  name: string;
  dataType: FocusDataType;
  nullable: boolean;
  /** ProviderName and PublisherName: deprecated in 1.3, still mandatory until 1.4 drops them. */
  deprecated?: true;
}

export interface FocusColumn extends FocusColumnSpecification {
  name: FocusColumnName;
  storageType: FocusStorageType;
}

/**
 * The FOCUS 1.3 Cost and Usage columns tokenops writes, in file order: FOCUS columns
 * alphabetically, then tokenops' `x_` columns (the spec wants custom columns last). Commitment,
 * capacity, allocation, contract and pricing-currency columns are conditional and never apply
 * to metered token usage, so they are left out rather than written as all-null columns.
 * Nullability follows the specification; HostProviderName is non-null (§3's note).
 */
const COLUMN_SPECIFICATIONS = [
  { name: 'BilledCost', dataType: 'Decimal', nullable: false },
  { name: 'BillingAccountId', dataType: 'String', nullable: false },
  { name: 'BillingAccountName', dataType: 'String', nullable: true },
  { name: 'BillingAccountType', dataType: 'String', nullable: false },
  { name: 'BillingCurrency', dataType: 'String', nullable: false },
  { name: 'BillingPeriodEnd', dataType: 'Date/Time', nullable: false },
  { name: 'BillingPeriodStart', dataType: 'Date/Time', nullable: false },
  { name: 'ChargeCategory', dataType: 'String', nullable: false },
  { name: 'ChargeClass', dataType: 'String', nullable: true },
  { name: 'ChargeDescription', dataType: 'String', nullable: true },
  { name: 'ChargeFrequency', dataType: 'String', nullable: false },
  { name: 'ChargePeriodEnd', dataType: 'Date/Time', nullable: false },
  { name: 'ChargePeriodStart', dataType: 'Date/Time', nullable: false },
  { name: 'ConsumedQuantity', dataType: 'Decimal', nullable: true },
  { name: 'ConsumedUnit', dataType: 'String', nullable: true },
  { name: 'ContractedCost', dataType: 'Decimal', nullable: false },
  { name: 'ContractedUnitPrice', dataType: 'Decimal', nullable: true },
  { name: 'EffectiveCost', dataType: 'Decimal', nullable: false },
  { name: 'HostProviderName', dataType: 'String', nullable: false },
  { name: 'InvoiceId', dataType: 'String', nullable: true },
  { name: 'InvoiceIssuerName', dataType: 'String', nullable: false },
  { name: 'ListCost', dataType: 'Decimal', nullable: false },
  { name: 'ListUnitPrice', dataType: 'Decimal', nullable: true },
  { name: 'PricingCategory', dataType: 'String', nullable: true },
  { name: 'PricingQuantity', dataType: 'Decimal', nullable: true },
  { name: 'PricingUnit', dataType: 'String', nullable: true },
  { name: 'ProviderName', dataType: 'String', nullable: false, deprecated: true },
  { name: 'PublisherName', dataType: 'String', nullable: false, deprecated: true },
  { name: 'RegionId', dataType: 'String', nullable: true },
  { name: 'RegionName', dataType: 'String', nullable: true },
  { name: 'ResourceId', dataType: 'String', nullable: true },
  { name: 'ResourceName', dataType: 'String', nullable: true },
  { name: 'ResourceType', dataType: 'String', nullable: true },
  { name: 'ServiceCategory', dataType: 'String', nullable: false },
  { name: 'ServiceName', dataType: 'String', nullable: false },
  { name: 'ServiceProviderName', dataType: 'String', nullable: false },
  { name: 'ServiceSubcategory', dataType: 'String', nullable: false },
  { name: 'SkuId', dataType: 'String', nullable: true },
  { name: 'SkuMeter', dataType: 'String', nullable: true },
  { name: 'SkuPriceDetails', dataType: 'JSON', nullable: true },
  { name: 'SkuPriceId', dataType: 'String', nullable: true },
  { name: 'SubAccountId', dataType: 'String', nullable: true },
  { name: 'SubAccountName', dataType: 'String', nullable: true },
  { name: 'SubAccountType', dataType: 'String', nullable: true },
  { name: 'Tags', dataType: 'JSON', nullable: true },
  { name: 'x_TokenClass', dataType: 'String', nullable: false },
  { name: 'x_Model', dataType: 'String', nullable: false },
  { name: 'x_ServiceTier', dataType: 'String', nullable: false },
  { name: 'x_ContextTier', dataType: 'String', nullable: false },
  { name: 'x_EventId', dataType: 'String', nullable: true },
  { name: 'x_TraceId', dataType: 'String', nullable: true },
  { name: 'x_DataSource', dataType: 'String', nullable: false },
] as const satisfies readonly FocusColumnSpecification[];

type ColumnSpecification = (typeof COLUMN_SPECIFICATIONS)[number];

export type FocusColumnName = ColumnSpecification['name'];

const STORAGE_TYPES: Record<FocusDataType, FocusStorageType> = {
  String: 'VARCHAR',
  JSON: 'VARCHAR',
  Decimal: 'DECIMAL',
  'Date/Time': 'TIMESTAMP',
};

export const FOCUS_COLUMNS: readonly FocusColumn[] = COLUMN_SPECIFICATIONS.map((column) => ({
  ...column,
  storageType: STORAGE_TYPES[column.dataType],
}));

/** Precision and scale of every Decimal column: money is kept to 12 places (money.ts). */
export const FOCUS_DECIMAL = { precision: 38, scale: 12 } as const;

type CellOf<Column extends ColumnSpecification> =
  | (Column['dataType'] extends 'Decimal' ? number : string)
  | (Column['nullable'] extends true ? null : never);

/**
 * One FOCUS row: numbers for Decimal columns, `YYYY-MM-DDTHH:mm:ssZ` strings for Date/Time,
 * serialized JSON objects for JSON columns; null only where the column allows it.
 */
export type FocusRow = { [Column in ColumnSpecification as Column['name']]: CellOf<Column> };
