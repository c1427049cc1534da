//! FNV-1a, the one hash of this crate: over the folded characters of a
//! word as the scanner reads it (the Bloom filter of trigger words, and the
//! word hashes [`find_dates_and_words`](crate::find_dates_and_words) hands
//! to the article parser), and over bytes for the trigger table's keys.

/// FNV-1a over bytes, for the short keys of the trigger table.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_SEED } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }
}

/// FNV-1a over the folded characters of a word: the scanner computes it as
/// it reads, so most words are rejected without building a string.
#[inline]
pub(crate) fn mix(h: u64, c: char) -> u64 {
    (h ^ u64::from(c as u32)).wrapping_mul(FNV_PRIME)
}

/// The FNV-1a offset basis.
pub(crate) const FNV_SEED: u64 = 0xcbf2_9ce4_8422_2325;
/// The FNV-1a prime.
pub(crate) const FNV_PRIME: u64 = 0x0100_0000_01b3;
