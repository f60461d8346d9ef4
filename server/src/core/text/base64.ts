/**
 * Bytes as base64 and back with atob/btoa, which Node, browsers and Web Workers all have: binary data crosses
 * JSON messages this way (PNG exports from the panel, MRT files handed from the web client to its server).
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  // fromCharCode takes its arguments on the stack: a slice at a time.
  for (let at = 0; at < bytes.length; at += 0x8000) bin += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(bin);
}

export function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
