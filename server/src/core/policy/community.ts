/**
 * Community values in RPSL actions and filters (RFC 2622 §7, RFC 1997 well-known names, RFC 8092 large
 * communities). Returns a message saying what is wrong, or undefined for a good value.
 */
const WELL_KNOWN: ReadonlySet<string> = new Set([
  'internet',
  'no_export',
  'no_advertise',
  'no_export_subconfed',
  'no_peer',
  'blackhole',
  'graceful_shutdown',
]);

const U32 = 4294967295;

export function checkCommunity(text: string): string | undefined {
  if (WELL_KNOWN.has(text.toLowerCase())) return undefined;
  const parts = text.split(':');
  if (!parts.every((p) => /^[0-9]{1,10}$/.test(p))) {
    return `"${text}" is not a community: write ASN:value (two 16-bit numbers), a 32-bit number, a large community a:b:c, or a well-known name (no_export, no_advertise, internet).`;
  }
  const nums = parts.map(Number);
  if (parts.length === 1) return (nums[0] ?? 0) > U32 ? `Community ${text} is above 4294967295 (32 bits).` : undefined;
  if (parts.length === 2) {
    const bad = nums.find((n) => n > 65535);
    return bad !== undefined
      ? `In community ${text}, ${bad} is above 65535: each half of a standard community is 16 bits. For a 32-bit ASN use a large community (RFC 8092) ASN:x:y.`
      : undefined;
  }
  if (parts.length === 3) {
    const bad = nums.find((n) => n > U32);
    return bad !== undefined ? `In large community ${text}, ${bad} is above 4294967295: each part is 32 bits (RFC 8092).` : undefined;
  }
  return `"${text}" has ${parts.length} parts: a community has two (ASN:value) or three (large community).`;
}
