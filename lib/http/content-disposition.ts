/**
 * `attachment` with the name in UTF-8 (RFC 6266 `filename*`, which browsers prefer) and an ASCII
 * `filename` for clients that read only that (accents dropped, other scripts left out), so a title
 * in Japanese downloads as "日本語.pdf" rather than an anonymous name.
 */
export function attachmentDisposition(filename: string): string {
  const stripped = filename
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|["\\%]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const ascii = stripped === "" || stripped.startsWith(".") ? `storyboard${stripped}` : stripped;
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
