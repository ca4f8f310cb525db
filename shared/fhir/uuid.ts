// Stable resource ids. A record's main resource keeps the record's own UUID;
// the other resources made from the same record (a session's Encounter, its
// dose, each vital sign) get a name-based UUID (RFC 4122 version 5), so the
// same record always exports under the same ids. SHA-1 is written out here
// because shared/ may not import Node's crypto.

const NAMESPACE = 'a4f1c7e2-3b5d-4c8a-9e6f-2d7b1a0c9e53'; // KetaDesk's own namespace for export ids

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

function sha1(bytes: Uint8Array): Uint8Array {
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, bitLength >>> 0);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  const h = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  const w = new Int32Array(80);
  const at = (arr: Int32Array, i: number) => arr[i]!;
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i++) w[i] = rotl(at(w, i - 3) ^ at(w, i - 8) ^ at(w, i - 14) ^ at(w, i - 16), 1);
    let a = at(h, 0), b = at(h, 1), c = at(h, 2), d = at(h, 3), e = at(h, 4);
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20 ? [(b & c) | (~b & d), 0x5a827999]
        : i < 40 ? [b ^ c ^ d, 0x6ed9eba1]
        : i < 60 ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
        : [b ^ c ^ d, 0xca62c1d6];
      const t = (rotl(a, 5) + f + e + k + at(w, i)) | 0;
      e = d; d = c; c = rotl(b, 30); b = a; a = t;
    }
    h[0] = at(h, 0) + a; h[1] = at(h, 1) + b; h[2] = at(h, 2) + c; h[3] = at(h, 3) + d; h[4] = at(h, 4) + e;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setInt32(i * 4, v));
  return out;
}

const hexToBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!, (b) => parseInt(b, 16));

/** RFC 4122 §4.3 name-based UUID (SHA-1, version 5) of `name` in `namespace`. */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = hexToBytes(namespace.replace(/-/g, ''));
  const text = new TextEncoder().encode(name);
  const input = new Uint8Array(ns.length + text.length);
  input.set(ns);
  input.set(text, ns.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of a resource made from a record: the record's id for its main resource, else derived from it. */
export function resourceId(recordId: string, part?: string): string {
  return part === undefined ? recordId : uuidV5(`${recordId}/${part}`);
}
