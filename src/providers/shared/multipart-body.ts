/** One part of a multipart/form-data body: a plain field, or a file when `filename` is set. */
export interface FormPart {
  name: string;
  value: string;
  filename?: string;
  contentType?: string;
}

/**
 * A multipart/form-data body (RFC 7578) for text parts. The boundary is fixed, and lengthened
 * only when some part happens to contain it, so the same parts always give the same bytes.
 */
export function multipartBody(parts: readonly FormPart[]): { body: string; contentType: string } {
  let boundary = 'tokenops-form-boundary';
  while (parts.some((part) => part.value.includes(boundary))) boundary += '-x';
  const sections = parts.map((part) => {
    const file = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    const type = part.contentType === undefined ? '' : `\r\nContent-Type: ${part.contentType}`;
    return `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"${file}${type}\r\n\r\n${part.value}\r\n`;
  });
  return {
    body: `${sections.join('')}--${boundary}--\r\n`,
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
