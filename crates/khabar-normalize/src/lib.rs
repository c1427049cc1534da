//! Arabic text normalization with an exact map back to the original text.
//!
//! News text mixes Arabic with Persian letters, presentation forms, bidi
//! controls, Arabic-Indic digits and diacritics that come and go between
//! outlets. This crate folds those differences away and keeps, for every
//! normalized character, the original bytes it came from, so that anything
//! found in the normalized text can be shown on the original.
//!
//! The primary types:
//! - [`Normalizer`]: a set of [`Rules`] (one switch per rule), ready to run.
//! - [`Profile`]: the two named rule sets, `display` and `search`.
//! - [`Normalized`]: a normalized text with its alignment; maps [`Span`]s of
//!   the normalized text back to the original.
//! - [`CharOffsets`]: converts byte offsets to code-point offsets, for
//!   bindings whose strings count code points.
//! - [`chars`]: the character classes (a mark, a digit, a word character)
//!   and the light fold used for lexicon lookups, shared by the crates
//!   above this one.
//!
//! # Example: search normalization
//!
//! ```
//! use khabar_normalize::{normalize, Profile};
//!
//! assert_eq!(normalize("وزیرا الدفاع الایرانی", Profile::Search), "وزيرا الدفاع الايراني");
//! assert_eq!(normalize("أَحْمَد", Profile::Search), "احمد");
//! assert_eq!(normalize("منظومة S-300 عام ٢٠١٦", Profile::Search), "منظومه s-300 عام 2016");
//! ```
//!
//! # Example: custom rules
//!
//! ```
//! use khabar_normalize::{Normalizer, Profile};
//!
//! let mut rules = Profile::Search.rules();
//! rules.set("fold_teh_marbuta", false).unwrap();
//! let keep_teh = Normalizer::new(rules);
//! assert_eq!(keep_teh.normalize("الجمهورية الإسلامية"), "الجمهورية الاسلامية");
//! ```
//!
//! # Example: nothing to do costs nothing
//!
//! ```
//! use std::borrow::Cow;
//! use khabar_normalize::{normalize, Profile};
//!
//! assert!(matches!(normalize("باكو وطهران", Profile::Search), Cow::Borrowed(_)));
//! ```
//!
//! Normalizing twice gives the same result as normalizing once, for every
//! set of rules, and `search(display(x)) == search(x)`.
//!
//! # Crate features
//!
//! - `serde`: derives `Serialize`/`Deserialize` for [`Rules`], [`Profile`]
//!   and [`Span`].

#![deny(missing_docs)]

mod align;
pub mod chars;
mod engine;
mod error;
mod names;
mod offsets;
mod rules;
mod span;

use std::borrow::Cow;
use std::sync::{Arc, LazyLock};

pub use align::{CharAlignment, Normalized};
pub use error::{Error, ErrorKind};
pub use offsets::{CharCursor, CharOffsets};
pub use rules::{Profile, Rules};
pub use span::Span;

use engine::{nfc_aligned, AlignSink, Engine, Flags, TextSink, Wide, WideSink};

/// How many times the general path re-applies NFC and the rules before it
/// stops looking for a fixed point. Real text needs two rounds.
const MAX_ROUNDS: usize = 6;

/// A set of rules, compiled once, that normalizes any number of texts.
///
/// Cheap to clone (the compiled tables are shared) and `Send + Sync`.
#[derive(Clone)]
pub struct Normalizer {
    engine: Arc<Engine>,
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer")
            .field("rules", self.rules())
            .finish()
    }
}

impl Default for Normalizer {
    fn default() -> Self {
        Self::new(Rules::default())
    }
}

static DISPLAY: LazyLock<Normalizer> = LazyLock::new(|| Normalizer::new(Profile::Display.rules()));
static SEARCH: LazyLock<Normalizer> = LazyLock::new(|| Normalizer::new(Profile::Search.rules()));

/// Normalize `text` with a named profile (shared, lazily built normalizers).
pub fn normalize(text: &str, profile: Profile) -> Cow<'_, str> {
    Normalizer::for_profile(profile).normalize(text)
}

impl Normalizer {
    /// Compile `rules`.
    pub fn new(rules: Rules) -> Self {
        Self {
            engine: Arc::new(Engine::new(rules)),
        }
    }

    /// The shared normalizer of a profile.
    pub fn for_profile(profile: Profile) -> &'static Normalizer {
        match profile {
            Profile::Display => &DISPLAY,
            Profile::Search => &SEARCH,
        }
    }

    /// The rules this normalizer applies.
    pub fn rules(&self) -> &Rules {
        self.engine.rules()
    }

    /// Normalize `text`. Borrows `text` when nothing changes.
    pub fn normalize<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut flags = Flags::default();
        let out = self.engine.pass::<&str, TextSink>(text, &mut flags);
        if !self.needs_general_path(&flags, out.as_ref().map(|s| s.0.as_str())) {
            return match out {
                None => Cow::Borrowed(text),
                Some(s) => Cow::Owned(s.0),
            };
        }
        match self.general(text) {
            None => Cow::Borrowed(text),
            Some((s, _)) => Cow::Owned(s),
        }
    }

    /// Normalize `text` into `out` (cleared first), reusing its allocation
    /// across a loop over many documents. Returns `false` when `text` was
    /// already normalized (then `out` is a copy of it).
    ///
    /// ```
    /// use khabar_normalize::{Normalizer, Profile};
    /// let n = Normalizer::for_profile(Profile::Search);
    /// let mut out = String::new();
    /// for text in ["أَحْمَد", "باكو"] {
    ///     n.normalize_into(text, &mut out);
    ///     assert_eq!(out, n.normalize(text));
    /// }
    /// ```
    pub fn normalize_into(&self, text: &str, out: &mut String) -> bool {
        let mut spare = Some(std::mem::take(out));
        let mut flags = Flags::default();
        let made = self
            .engine
            .pass_with::<&str, TextSink>(text, &mut flags, |cap| {
                let mut buf = spare.take().unwrap_or_default();
                buf.clear();
                buf.reserve(cap);
                TextSink(buf)
            });
        let general = self.needs_general_path(&flags, made.as_ref().map(|s| s.0.as_str()));
        let mut buf = match made {
            Some(s) if !general => {
                *out = s.0;
                return true;
            }
            Some(s) => s.0,
            None => spare.take().unwrap_or_default(),
        };
        buf.clear();
        let normalized = if general { self.general(text) } else { None };
        buf.push_str(normalized.as_ref().map_or(text, |(s, _)| s.as_str()));
        *out = buf;
        normalized.is_some()
    }

    /// Normalize `text` and keep the alignment to the original.
    ///
    /// Errors only when `text` is 4 GiB or longer (offsets are stored as
    /// `u32` to keep the alignment at 12 bytes per character).
    pub fn normalize_aligned<'a>(&self, text: &'a str) -> Result<Normalized<'a>, Error> {
        if u32::try_from(text.len()).is_err() {
            return Err(Error::new(ErrorKind::InputTooLarge { len: text.len() }));
        }
        let mut flags = Flags::default();
        let out = self.engine.pass::<&str, AlignSink>(text, &mut flags);
        if !self.needs_general_path(&flags, out.as_ref().map(|s| s.text.as_str())) {
            return Ok(match out {
                None => Normalized::unchanged(text),
                Some(s) => Normalized::changed(text, s.text, s.entries),
            });
        }
        Ok(match self.general(text) {
            None => Normalized::unchanged(text),
            Some((s, entries)) => Normalized::changed(text, s, entries),
        })
    }

    /// Normalize text stored as UCS-2 code units that are all code points
    /// (CPython's 2-byte `str` kind), without converting it to UTF-8.
    ///
    /// Returns `None` when this path cannot finish the job: the text needs
    /// NFC composition or reordering, holds a lone surrogate, or produces a
    /// character above U+FFFF. Then normalize the UTF-8 text with
    /// [`Normalizer::normalize`]; when `Some`, the result equals it.
    ///
    /// ```
    /// use khabar_normalize::{Normalizer, Profile};
    /// let n = Normalizer::for_profile(Profile::Search);
    /// let units: Vec<u16> = "أحمد".encode_utf16().collect();
    /// let out = n.normalize_ucs2(&units).unwrap();
    /// assert_eq!(String::from_utf16(&out).unwrap(), "احمد");
    /// ```
    pub fn normalize_ucs2<'a>(&self, units: &'a [u16]) -> Option<Cow<'a, [u16]>> {
        self.normalize_wide(units)
    }

    /// Normalize text stored as UCS-4 code points (CPython's 4-byte `str`
    /// kind, used when a text holds an emoji). `None` as for
    /// [`Normalizer::normalize_ucs2`].
    pub fn normalize_ucs4<'a>(&self, units: &'a [u32]) -> Option<Cow<'a, [u32]>> {
        self.normalize_wide(units)
    }

    fn normalize_wide<'a, T: Wide>(&self, units: &'a [T]) -> Option<Cow<'a, [T]>> {
        let mut flags = Flags::default();
        let out = self.engine.pass::<&[T], WideSink<T>>(units, &mut flags);
        if flags.invalid || (self.rules().nfc && flags.input_not_nfc) {
            return None;
        }
        match out {
            None => Some(Cow::Borrowed(units)),
            Some(o) if o.overflow => None,
            Some(o) => {
                if self.rules().nfc && flags.output_unsure {
                    let chars = o.units.iter().map_while(|u| char::from_u32(u.to_u32()));
                    if unicode_normalization::is_nfc_quick(chars)
                        != unicode_normalization::IsNormalized::Yes
                    {
                        return None;
                    }
                }
                Some(Cow::Owned(o.units))
            }
        }
    }

    fn needs_general_path(&self, flags: &Flags, out: Option<&str>) -> bool {
        if !self.rules().nfc {
            return false;
        }
        if flags.input_not_nfc {
            return true;
        }
        flags.output_unsure
            && out.is_some_and(|o| {
                unicode_normalization::is_nfc_quick(o.chars())
                    != unicode_normalization::IsNormalized::Yes
                    && !unicode_normalization::is_nfc(o)
            })
    }

    /// NFC, then the rules, until nothing changes. `None` when the text is
    /// already normalized.
    fn general(&self, text: &str) -> Option<(String, Vec<align::Entry>)> {
        let mut cur: Cow<'_, str> = Cow::Borrowed(text);
        let mut align: Option<Vec<align::Entry>> = None;
        for _ in 0..MAX_ROUNDS {
            let nfc = if self.rules().nfc {
                Some(nfc_aligned(&cur))
            } else {
                None
            };
            let (stage, stage_align) = match &nfc {
                Some(n) => (n.text.as_str(), Some(n.entries.as_slice())),
                None => (cur.as_ref(), None),
            };
            let mut flags = Flags::default();
            let ruled = self.engine.pass::<&str, AlignSink>(stage, &mut flags);
            let (new_text, new_align) = match ruled {
                None => match nfc {
                    Some(n) => (n.text, n.entries),
                    None => break,
                },
                Some(r) => (r.text, align::compose(stage_align, stage.len(), &r.entries)),
            };
            if new_text == cur.as_ref() {
                break;
            }
            align = Some(align::compose(align.as_deref(), cur.len(), &new_align));
            cur = Cow::Owned(new_text);
        }
        match cur {
            Cow::Borrowed(_) => None,
            Cow::Owned(s) => Some((s, align.unwrap_or_default())),
        }
    }
}
