/**
 * Lower-case hex SHA-256 of a string's UTF-8 bytes. Uses Web Crypto, which the
 * service worker, extension pages and Node ≥ 22 all provide.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
