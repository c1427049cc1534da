//! The weight tables: one pass's features ([`FeatTable`]) and both passes
//! side by side ([`JointTable`]), laid out for memory-bound lookups.

use crate::labels::{ity, L};

/// One feature's weights, quantized to `i16` and stored next to a 32-bit
/// check of its hash, so that a lookup is one 24-byte read (the tables are
/// larger than the caches: lookups are memory-bound).
#[derive(Clone, Copy, Debug)]
struct Slot {
    check: u32,
    w: [i16; L],
}

/// An open-addressing table from feature hash to weights (linear probing,
/// load at most 1/2). The slot index comes from the low bits of the hash,
/// the check from the high 32 bits; check 0 marks an empty slot (a feature
/// whose check would be 0 is stored as 1).
#[derive(Clone, Debug)]
pub(crate) struct FeatTable {
    slots: Vec<Slot>,
    /// Full hashes and float weights, kept only while building.
    building: Vec<(u64, [f32; L])>,
    mask: usize,
    len: usize,
    /// Weight of one quantization step.
    pub(crate) scale: f32,
}

impl Default for FeatTable {
    fn default() -> Self {
        Self::build(Vec::new())
    }
}

impl FeatTable {
    #[inline]
    fn check(h: u64) -> u32 {
        match (h >> 32) as u32 {
            0 => 1,
            c => c,
        }
    }

    /// Build from full hashes and float weights.
    pub(crate) fn build(rows: Vec<(u64, [f32; L])>) -> Self {
        let cap = (rows.len().max(1) * 2).next_power_of_two();
        let max = rows
            .iter()
            .flat_map(|r| r.1.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut slots = vec![
            Slot {
                check: 0,
                w: [0; L]
            };
            cap
        ];
        let mask = cap - 1;
        for (h, w) in &rows {
            let c = Self::check(*h);
            let mut i = (*h as usize) & mask;
            while slots[i].check != 0 && slots[i].check != c {
                i = (i + 1) & mask;
            }
            let mut q = [0i16; L];
            for (qq, ww) in q.iter_mut().zip(w) {
                *qq = (ww / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            slots[i] = Slot { check: c, w: q };
        }
        FeatTable {
            slots,
            building: rows,
            mask,
            len: 0,
            scale,
        }
        .done()
    }

    fn done(mut self) -> Self {
        self.len = self.building.len();
        self
    }

    /// Add the quantized weights of feature `h` to `acc`; false if absent.
    #[inline]
    pub(crate) fn add_to(&self, h: u64, acc: &mut [i32; L]) -> bool {
        let c = Self::check(h);
        let mut i = (h as usize) & self.mask;
        loop {
            let s = &self.slots[i];
            if s.check == c {
                for (a, w) in acc.iter_mut().zip(&s.w) {
                    *a += i32::from(*w);
                }
                return true;
            }
            if s.check == 0 {
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }

    pub(crate) fn contains(&self, h: u64) -> bool {
        let mut acc = [0i32; L];
        self.add_to(h, &mut acc)
    }

    #[cfg(feature = "research")]
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (u64, &[f32; L])> {
        self.building.iter().map(|(h, w)| (*h, w))
    }
}

/// The weights of one feature in both passes, relative to `O`: a weight
/// added to every label of a token moves every path by the same amount, so
/// `w[l] - w[O]` for the 16 entity labels decode exactly like the 17
/// weights. Two passes of 16 `i16` are one 64-byte cache line.
#[derive(Clone, Copy, Debug)]
#[repr(align(64))]
struct JointRow([i16; 2 * (L - 1)]);

/// Pass 1 and pass 2 weights of all features side by side: pass 2 shares
/// all of pass 1's features, so one lookup during pass 1 yields both
/// passes' sums and pass 2 only looks up its few document features.
///
/// Layout: an open-addressing index of `(check, row)` pairs (8 bytes a
/// slot, linear probing, load at most 1/2) over a dense array of
/// cache-line rows ([`JointRow`]). Probing, and every lookup of a feature
/// the model does not have (most features of unseen words), touches only
/// the small index; a hit reads one cache line.
#[derive(Clone, Debug)]
pub(crate) struct JointTable {
    index: Vec<(u32, u32)>,
    rows: Vec<JointRow>,
    mask: usize,
    /// Weight of one quantization step of each pass.
    scale: [f32; 2],
    /// `b`'s weights of the document features (the only features pass 2
    /// looks up after the joint pass): a few dozen rows, so these lookups
    /// stay in cache instead of going to `b`'s full table.
    pub(crate) rest: FeatTable,
}

impl JointTable {
    /// Join pass 1's table `a` and pass 2's table `b`.
    pub(crate) fn build(a: &FeatTable, b: &FeatTable) -> JointTable {
        let doc = crate::features::doc_feature_hashes();
        let mut rows: std::collections::BTreeMap<u64, ([f32; L], [f32; L])> =
            std::collections::BTreeMap::new();
        for (h, w) in a.iter() {
            rows.entry(h).or_insert(([0.0; L], [0.0; L])).0 = *w;
        }
        for (h, w) in b.iter() {
            rows.entry(h).or_insert(([0.0; L], [0.0; L])).1 = *w;
        }
        let rest = FeatTable::build(
            b.iter()
                .filter(|(h, _)| doc.contains(h))
                .map(|(h, w)| (h, *w))
                .collect(),
        );
        let mut max = [0f32; 2];
        for (wa, wb) in rows.values() {
            for l in 1..L {
                max[0] = max[0].max((wa[l] - wa[0]).abs());
                max[1] = max[1].max((wb[l] - wb[0]).abs());
            }
        }
        let scale = max.map(|m| {
            if m > 0.0 {
                m / f32::from(i16::MAX)
            } else {
                1.0
            }
        });
        let cap = (rows.len().max(1) * 2).next_power_of_two();
        let mask = cap - 1;
        let mut index = vec![(0u32, 0u32); cap];
        let mut dense = Vec::with_capacity(rows.len());
        let q = |w: f32, scale: f32| (w / scale).round().clamp(-32767.0, 32767.0) as i16;
        for (h, (wa, wb)) in rows {
            let c = FeatTable::check(h);
            let mut i = (h as usize) & mask;
            while index[i].0 != 0 && index[i].0 != c {
                i = (i + 1) & mask;
            }
            let mut w = [0i16; 2 * (L - 1)];
            for l in 1..L {
                w[l - 1] = q(wa[l] - wa[0], scale[0]);
                w[L - 1 + l - 1] = q(wb[l] - wb[0], scale[1]);
            }
            if index[i].0 == c {
                dense[index[i].1 as usize] = JointRow(w);
            } else {
                index[i] = (c, dense.len() as u32);
                dense.push(JointRow(w));
            }
        }
        JointTable {
            index,
            rows: dense,
            mask,
            scale,
            rest,
        }
    }

    /// Hint the CPU to fetch the home index slots of `feats` (a token's
    /// features, looked up two tokens later).
    #[inline]
    pub(crate) fn prefetch(&self, feats: &[u64]) {
        for &h in feats {
            prefetch(&self.index[(h as usize) & self.mask]);
        }
    }

    /// Hint the CPU to fetch the rows of `feats` whose home slot holds them
    /// (after [`JointTable::prefetch`] brought the slots in).
    #[inline]
    pub(crate) fn prefetch_rows(&self, feats: &[u64]) {
        for &h in feats {
            let (sc, row) = self.index[(h as usize) & self.mask];
            if sc == FeatTable::check(h) {
                if let Some(r) = self.rows.get(row as usize) {
                    prefetch(r);
                }
            }
        }
    }

    /// Emission scores of `feats` under both passes (pass 1 with its
    /// per-type `bias`), relative to `O`:
    /// `(a, b_partial)`, where `b_partial` lacks `b`'s bias and document
    /// features (added by [`Model::emit_rest`](crate::model::Model::emit_rest)).
    #[inline]
    pub(crate) fn emit_both(&self, bias: &[f32; 5], feats: &[u64]) -> ([f32; L], [f32; L]) {
        let mut acc = [0i32; 2 * (L - 1)];
        for &h in feats {
            let c = FeatTable::check(h);
            let mut i = (h as usize) & self.mask;
            loop {
                let (sc, row) = self.index[i];
                if sc == c {
                    for (x, w) in acc.iter_mut().zip(&self.rows[row as usize].0) {
                        *x += i32::from(*w);
                    }
                    break;
                }
                if sc == 0 {
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
        let mut ea = [0f32; L];
        let mut pb = [0f32; L];
        for l in 1..L {
            ea[l] = acc[l - 1] as f32 * self.scale[0] + bias[ity(l as u8) as usize];
            pb[l] = acc[L - 1 + l - 1] as f32 * self.scale[1];
        }
        (ea, pb)
    }
}

/// A cache prefetch hint for the line holding `x`.
#[inline]
#[allow(unsafe_code)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it reads nothing into the program and
    // cannot fault, and the pointer comes from a live reference anyway.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            std::ptr::from_ref(x).cast::<i8>(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}
