//! A small, fixed, platform-independent 64-bit hash for feature strings.
//!
//! The model file stores feature hashes, so the hash must never change
//! between builds or machines (std's `DefaultHasher` promises neither).

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Hash `bytes` under a template id (FxHash-style mixing, then a final
/// avalanche so that nearby ids do not collide in the low bits).
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
    // splitmix64 finalizer
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}
