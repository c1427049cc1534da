//! Small, fixed, platform-independent 64-bit hashes for feature strings.
//!
//! The model file stores feature hashes, so these must never change
//! between builds or machines (std's `DefaultHasher` promises neither).
//! A feature is a template id and one or more strings; the strings a token
//! contributes to many features (its word and stem) are hashed once per
//! token ([`hash_bytes`]) and combined with the template by [`hash_parts`].

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The splitmix64 finalizer: every input bit reaches every output bit.
#[inline]
const fn fmix(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Hash of a string, fully mixed after every 8 bytes (so that two words
/// that differ in two letters cannot cancel out, as they could in an
/// FxHash-style chain), the length folded in.
#[inline]
pub(crate) const fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ (b.len() as u64).wrapping_mul(K);
    let mut i = 0;
    while i < b.len() {
        let mut w = 0u64;
        let mut k = 0;
        while k < 8 && i + k < b.len() {
            w |= (b[i + k] as u64) << (8 * k);
            k += 1;
        }
        h = fmix(h ^ w);
        i += 8;
    }
    h
}

/// Feature hash of a template and hashed parts (see [`hash_bytes`]).
#[inline]
pub(crate) const fn hash_parts(template: u32, parts: &[u64]) -> u64 {
    let mut h = fmix((template as u64).wrapping_mul(K) ^ 0x2545_f491_4f6c_dd1d);
    let mut i = 0;
    while i < parts.len() {
        h = chain(h, parts[i]);
        i += 1;
    }
    h
}

/// Fold one more hashed part into `h` (order matters).
#[inline]
pub(crate) const fn chain(h: u64, part: u64) -> u64 {
    fmix(h.rotate_left(17) ^ part)
}

/// Hash `bytes` under a template id (FxHash-style mixing, then a final
/// avalanche so that nearby ids do not collide in the low bits). Used for
/// the features whose strings are not shared between features (affixes,
/// shapes, bits).
#[inline]
pub(crate) fn hash_feature(template: u32, parts: &[&[u8]]) -> u64 {
    let mut h: u64 = (template as u64).wrapping_mul(K) ^ 0x9e37_79b9_7f4a_7c15;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h = (h.rotate_left(5) ^ 0xff).wrapping_mul(K);
        }
        let mut chunks = p.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }
    fmix(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_that_collided_under_the_chain_hash_do_not() {
        // `ولاحظ` / `ولاعب` differ in two letters whose bytes cancelled in
        // the FxHash-style chain.
        let a = hash_bytes("ولاحظ".as_bytes());
        let b = hash_bytes("ولاعب".as_bytes());
        assert_ne!(a, b);
        assert_ne!(hash_parts(1, &[a]), hash_parts(1, &[b]));
        assert_ne!(hash_bytes(b""), hash_bytes(b"\0"));
        assert_ne!(hash_parts(6, &[a, b]), hash_parts(6, &[b, a]));
        assert_ne!(hash_parts(2, &[a]), hash_parts(3, &[a]));
    }
}
