/**
 * A query parameter of a reviewer page, decoded: the pages are opened with `encodeURIComponent` values (org names
 * in Chinese) and H5's router hands them over still encoded. A value that is not valid percent-encoding is kept.
 */
export function routeParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
