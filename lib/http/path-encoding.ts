/**
 * Whether every segment of a URL path decodes: `%FF`, `%C0%AF` (overlong UTF-8) or a cut-off
 * `%E0%A4%A` make Next's router throw while it reads the route's params, before any handler runs.
 */
export function hasMalformedPathEncoding(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}
