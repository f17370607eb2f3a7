/**
 * Escaping for XML output (feeds, sitemaps). Unlike HTML, XML 1.0 forbids most control characters
 * outright — a stray one in a title would make a feed reader reject the whole file — so they are dropped.
 */
const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// Characters XML 1.0 does not allow anywhere (tab, newline and carriage return are allowed).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for an XML element or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}
