import { BillFileError } from '../../domain/errors/index.ts';
import type { JsonBillImporter, MappedDocument } from './bill-importer.ts';
import { parseBillJson } from './parse-bill-json.ts';

/**
 * A JSON export read whole, checked to be the format asked for, then mapped. When another
 * format recognises it, the refusal says which.
 */
export async function importJsonBill(
  path: string,
  importer: JsonBillImporter,
  others: readonly JsonBillImporter[],
  readText: (path: string) => Promise<string>,
): Promise<MappedDocument> {
  const fix = `check that the file is ${importer.title}, saved as the API returned it`;
  const document = parseBillJson(await readText(path), path, fix);
  if (!importer.recognizes(document)) {
    const match = others.find((other) => other.recognizes(document));
    throw new BillFileError(
      path,
      undefined,
      `this is not ${importer.title}`,
      match
        ? `it looks like ${match.title}: import it as format ${match.format}`
        : `${fix}; nothing of it was imported`,
    );
  }
  return importer.mapDocument(document, path);
}
