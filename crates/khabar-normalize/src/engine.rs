//! One pass of the rules over a text, writing into a [`Sink`].
//!
//! The pass copies runs of unchanged characters in one go and looks at a
//! character's neighbours only for the few context rules. Code points below
//! U+0800 (ASCII, Latin, Arabic) are decided by a table built once per
//! normalizer; the rest go through [`classify`] directly.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::align::Entry;
use crate::chars::{is_arabic_letter, is_arabic_script};
use crate::rules::{classify, invisible, Action, Ctx, Rules};

/// Size of the precomputed table: every code point with a 1- or 2-byte UTF-8
/// encoding.
const TABLE_LEN: usize = 0x800;

/// A text to normalize, in one of three encodings: UTF-8 (`&str`), or fixed
/// width code points (`&[u16]`, `&[u32]`, as CPython stores `str`). Offsets
/// are in units of the encoding.
pub(crate) trait Input: Copy {
    /// Number of units.
    fn len(self) -> usize;
    /// The code point at unit `i` and its width, when it is below U+0800 (the
    /// table's range); `None` otherwise or at the end.
    fn small(self, i: usize) -> Option<(usize, usize)>;
    /// Whether the unit at `i` is an ASCII space.
    fn is_space_at(self, i: usize) -> bool;
    /// The character at unit `i` and its width; `None` at the end or for a
    /// unit that is no character (a lone surrogate).
    fn decode(self, i: usize) -> Option<(char, usize)>;
    /// The character that ends at unit `i`.
    fn char_before(self, i: usize) -> Option<char>;

    /// From unit `i`, skip characters whose `fast` entry is [`PLAIN`] and
    /// single spaces after a character of the pending run (which starts at
    /// `run`); return where the first other character starts. The scan's
    /// inner loop: most of the time goes here.
    #[inline]
    fn skip_plain(self, mut i: usize, run: usize, fast: &[u16; TABLE_LEN]) -> usize {
        while let Some((cp, w)) = self.small(i) {
            if fast[cp] == PLAIN || (cp == 0x20 && i > run && !self.is_space_at(i - 1)) {
                i += w;
            } else {
                break;
            }
        }
        i
    }
}

impl Input for &str {
    #[inline]
    fn len(self) -> usize {
        str::len(self)
    }
    #[inline]
    fn small(self, i: usize) -> Option<(usize, usize)> {
        let bytes = self.as_bytes();
        let b0 = *bytes.get(i)?;
        if b0 < 0x80 {
            Some((usize::from(b0), 1))
        } else if (0xC0..0xE0).contains(&b0) {
            // A two-byte sequence: U+0080..U+07FF, all of Arabic.
            let b1 = *bytes.get(i + 1)?;
            Some(((usize::from(b0 & 0x1F) << 6) | usize::from(b1 & 0x3F), 2))
        } else {
            None
        }
    }
    #[inline]
    fn is_space_at(self, i: usize) -> bool {
        self.as_bytes().get(i) == Some(&b' ')
    }
    #[inline]
    fn decode(self, i: usize) -> Option<(char, usize)> {
        let c = self.get(i..)?.chars().next()?;
        Some((c, c.len_utf8()))
    }
    #[inline]
    fn char_before(self, i: usize) -> Option<char> {
        self.get(..i)?.chars().next_back()
    }

    #[inline]
    fn skip_plain(self, mut i: usize, run: usize, fast: &[u16; TABLE_LEN]) -> usize {
        // Bytes, not chars: `i` is always at a char boundary of valid UTF-8,
        // so a byte >= 0x80 there is a lead byte (>= 0xC2), and the loop
        // bound makes `b[i + 1]` safe to read without a check per access.
        let b = self.as_bytes();
        let Some(mut rest) = b.get(i..) else { return i };
        // The byte before the scan position, as far as the pending run goes:
        // a space there makes the next space the second of a run.
        let mut prev = if i > run { b[i - 1] } else { b' ' };
        while let [b0, b1, ..] = *rest {
            if b0 < 0x80 {
                if fast[usize::from(b0)] != PLAIN && (b0 != b' ' || prev == b' ') {
                    break;
                }
                prev = b0;
                rest = &rest[1..];
            } else {
                if b0 >= 0xE0
                    || fast[(usize::from(b0 & 0x1F) << 6) | usize::from(b1 & 0x3F)] != PLAIN
                {
                    break;
                }
                prev = b1;
                rest = &rest[2..];
            }
        }
        i = b.len() - rest.len();
        i
    }
}

/// A fixed-width code unit: `u16` (UCS-2) or `u32` (UCS-4).
pub(crate) trait Wide: Copy + Eq + Send + Sync + 'static {
    fn to_u32(self) -> u32;
    fn from_char(c: char) -> Option<Self>;
}

impl Wide for u16 {
    #[inline]
    fn to_u32(self) -> u32 {
        u32::from(self)
    }
    #[inline]
    fn from_char(c: char) -> Option<Self> {
        u16::try_from(c as u32).ok()
    }
}

impl Wide for u32 {
    #[inline]
    fn to_u32(self) -> u32 {
        self
    }
    #[inline]
    fn from_char(c: char) -> Option<Self> {
        Some(c as u32)
    }
}

impl<T: Wide> Input for &[T] {
    #[inline]
    fn len(self) -> usize {
        <[T]>::len(self)
    }
    #[inline]
    fn small(self, i: usize) -> Option<(usize, usize)> {
        let u = self.get(i)?.to_u32() as usize;
        (u < TABLE_LEN).then_some((u, 1))
    }
    #[inline]
    fn is_space_at(self, i: usize) -> bool {
        self.get(i).is_some_and(|u| u.to_u32() == 0x20)
    }
    #[inline]
    fn decode(self, i: usize) -> Option<(char, usize)> {
        char::from_u32(self.get(i)?.to_u32()).map(|c| (c, 1))
    }
    #[inline]
    fn char_before(self, i: usize) -> Option<char> {
        char::from_u32(self.get(i.checked_sub(1)?)?.to_u32())
    }

    #[inline]
    fn skip_plain(self, i: usize, run: usize, fast: &[u16; TABLE_LEN]) -> usize {
        let Some(rest) = self.get(i..) else { return i };
        // The unit before the scan position within the pending run: a space
        // there makes the next space the second of a run.
        let mut prev = if i > run { self[i - 1].to_u32() } else { 0x20 };
        let mut skipped = 0;
        for u in rest {
            let cp = u.to_u32();
            let plain = match fast.get(cp as usize) {
                Some(&f) => f == PLAIN || (cp == 0x20 && prev != 0x20),
                None => false,
            };
            if !plain {
                break;
            }
            prev = cp;
            skipped += 1;
        }
        i + skipped
    }
}

/// Where the pass writes: plain text, text plus one alignment entry per
/// output character, or fixed-width code points.
pub(crate) trait Sink<I: Input> {
    fn with_capacity(units: usize) -> Self;
    /// Copy units `start..end` of the input unchanged.
    fn run(&mut self, input: I, start: usize, end: usize);
    /// Emit `c`, which came from input units `start..end`.
    fn push(&mut self, c: char, start: usize, end: usize);
    /// A deleted character at `..end` belongs to the previous output character.
    fn attach(&mut self, end: usize);
    /// The output so far, last character first.
    fn rev_chars(&self) -> impl Iterator<Item = char>;
    /// Length of the output so far, in units.
    fn out_len(&self) -> usize;
    /// Units `c` takes in the output.
    fn units(c: char) -> usize;
    fn last_char(&self) -> Option<char> {
        self.rev_chars().next()
    }
}

/// Text only.
pub(crate) struct TextSink(pub(crate) String);

impl Sink<&str> for TextSink {
    fn with_capacity(bytes: usize) -> Self {
        Self(String::with_capacity(bytes))
    }
    #[inline]
    fn run(&mut self, text: &str, start: usize, end: usize) {
        self.0.push_str(&text[start..end]);
    }
    #[inline]
    fn push(&mut self, c: char, _: usize, _: usize) {
        self.0.push(c);
    }
    #[inline]
    fn attach(&mut self, _: usize) {}
    fn rev_chars(&self) -> impl Iterator<Item = char> {
        self.0.chars().rev()
    }
    fn out_len(&self) -> usize {
        self.0.len()
    }
    fn units(c: char) -> usize {
        c.len_utf8()
    }
}

/// Text and alignment.
pub(crate) struct AlignSink {
    pub(crate) text: String,
    pub(crate) entries: Vec<Entry>,
}

impl Sink<&str> for AlignSink {
    fn with_capacity(bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
            entries: Vec::with_capacity(bytes / 2 + 1),
        }
    }
    fn run(&mut self, text: &str, start: usize, end: usize) {
        for (o, c) in text[start..end].char_indices() {
            let s = start + o;
            self.push(c, s, s + c.len_utf8());
        }
    }
    fn push(&mut self, c: char, start: usize, end: usize) {
        self.entries.push(Entry {
            norm: self.text.len() as u32,
            start: start as u32,
            end: end as u32,
        });
        self.text.push(c);
    }
    fn attach(&mut self, end: usize) {
        if let Some(last) = self.entries.last_mut() {
            last.end = last.end.max(end as u32);
        }
    }
    fn rev_chars(&self) -> impl Iterator<Item = char> {
        self.text.chars().rev()
    }
    fn out_len(&self) -> usize {
        self.text.len()
    }
    fn units(c: char) -> usize {
        c.len_utf8()
    }
}

/// Fixed-width code points. A character the unit cannot hold (above U+FFFF
/// in UCS-2) sets `overflow`, and the caller falls back to UTF-8.
pub(crate) struct WideSink<T> {
    pub(crate) units: Vec<T>,
    pub(crate) overflow: bool,
}

impl<'a, T: Wide> Sink<&'a [T]> for WideSink<T> {
    fn with_capacity(units: usize) -> Self {
        Self {
            units: Vec::with_capacity(units),
            overflow: false,
        }
    }
    #[inline]
    fn run(&mut self, input: &'a [T], start: usize, end: usize) {
        self.units.extend_from_slice(&input[start..end]);
    }
    #[inline]
    fn push(&mut self, c: char, _: usize, _: usize) {
        match T::from_char(c) {
            Some(u) => self.units.push(u),
            None => self.overflow = true,
        }
    }
    #[inline]
    fn attach(&mut self, _: usize) {}
    fn rev_chars(&self) -> impl Iterator<Item = char> {
        self.units
            .iter()
            .rev()
            .map_while(|u| char::from_u32(u.to_u32()))
    }
    fn out_len(&self) -> usize {
        self.units.len()
    }
    fn units(_: char) -> usize {
        1
    }
}

/// The nearest visible characters around a context rule's position,
/// remembered across the rules of one pass: a run of `n` tatweels (or of
/// kept marks before them) would otherwise be scanned `n` times, which is
/// quadratic on junk input (`ـ` × 100k).
#[derive(Default)]
struct Look {
    /// `(p, c)`: the first visible input character at or after some earlier
    /// position is `c`, at unit `p` (everything in between is invisible).
    next: Option<(usize, Option<char>)>,
    /// `(n, c)`: the last visible character of the first `n` output units
    /// is `c` (the output only grows during a pass).
    prev: (usize, Option<char>),
}

impl Look {
    /// The first visible character of `text` at or after unit `from`.
    fn next<I: Input>(&mut self, text: I, from: usize) -> Option<char> {
        if let Some((p, c)) = self.next {
            if from <= p {
                return c;
            }
        }
        let mut i = from;
        let found = loop {
            match text.decode(i) {
                Some((c, _)) if !invisible(c) => break Some(c),
                Some((_, w)) => i += w,
                None => break None,
            }
        };
        // Past an undecodable unit nothing is known: do not remember it.
        self.next = (found.is_some() || i >= text.len()).then_some((i, found));
        found
    }

    /// The last visible character of the output so far.
    fn prev<I: Input, S: Sink<I>>(&mut self, out: &S) -> Option<char> {
        let (known, before) = self.prev;
        let mut n = out.out_len();
        let mut found = None;
        let mut reached = false;
        for p in out.rev_chars() {
            if n <= known {
                reached = true;
                break;
            }
            if !invisible(p) {
                found = Some(p);
                break;
            }
            n -= S::units(p);
        }
        if found.is_none() && (reached || n <= known) {
            found = before;
        }
        self.prev = (out.out_len(), found);
        found
    }
}

/// What a pass learned besides its output.
#[derive(Default, Clone, Copy)]
pub(crate) struct Flags {
    /// The input is not in NFC where it matters: the general path must run.
    pub(crate) input_not_nfc: bool,
    /// The output may not be in NFC (a deletion may have brought a base and a
    /// combining mark together).
    pub(crate) output_unsure: bool,
    /// End of the last deleted character: a combining character that starts
    /// right there now follows whatever preceded the deletion.
    deleted_until: usize,
    /// The input holds a unit that is no character (a lone surrogate in a
    /// wide input): the pass stopped there.
    pub(crate) invalid: bool,
}

/// The rules with their table.
pub(crate) struct Engine {
    rules: Rules,
    table: Box<[Action]>,
    /// `sensitive[cp]`: a combining mark or a character that may compose (NFC
    /// quick-check not Yes). Only consulted when `rules.nfc`.
    sensitive: Box<[bool]>,
    /// What the scan does with a code point below U+0800 without looking
    /// further: [`PLAIN`] (kept as is: most Arabic letters, Latin, digits),
    /// [`SLOW`] (anything that needs the full path), or the code point it maps
    /// to (`ة` → `ه`, `أ` → `ا`, `،` → `,`), when that mapping needs no context.
    fast: Box<[u16; TABLE_LEN]>,
}

/// [`Engine::fast`]: keep.
const PLAIN: u16 = 0;
/// [`Engine::fast`]: take the full path.
const SLOW: u16 = u16::MAX;

fn nfc_sensitive(c: char) -> bool {
    canonical_combining_class(c) != 0 || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
}

#[inline]
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

impl Engine {
    pub(crate) fn new(rules: Rules) -> Self {
        let mut table = Vec::with_capacity(TABLE_LEN);
        let mut sensitive = Vec::with_capacity(TABLE_LEN);
        for cp in 0..TABLE_LEN as u32 {
            let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
            table.push(classify(c, &rules));
            sensitive.push(rules.nfc && nfc_sensitive(c));
        }
        let mut fast = Box::new([SLOW; TABLE_LEN]);
        for (f, (a, s)) in fast.iter_mut().zip(table.iter().zip(&sensitive)) {
            *f = match *a {
                _ if *s => SLOW,
                Action::Keep => PLAIN,
                Action::Map(m) if (m as usize) < TABLE_LEN && m != '\0' => m as u16,
                _ => SLOW,
            };
        }
        Self {
            rules,
            table: table.into_boxed_slice(),
            sensitive: sensitive.into_boxed_slice(),
            fast,
        }
    }

    pub(crate) fn rules(&self) -> &Rules {
        &self.rules
    }

    #[inline]
    fn action(&self, c: char) -> Action {
        let cp = c as usize;
        if cp < TABLE_LEN {
            self.table[cp]
        } else {
            classify(c, &self.rules)
        }
    }

    #[inline]
    fn is_sensitive(&self, c: char) -> bool {
        let cp = c as usize;
        if cp < TABLE_LEN {
            self.sensitive[cp]
        } else {
            self.rules.nfc && nfc_sensitive(c)
        }
    }

    /// Run the rules once over `text`. `None` means nothing changed (or, with
    /// `flags.invalid`, that the input has a unit that is no character).
    pub(crate) fn pass<I: Input, S: Sink<I>>(&self, text: I, flags: &mut Flags) -> Option<S> {
        self.pass_with(text, flags, S::with_capacity)
    }

    /// [`Engine::pass`] with the sink made by `make(capacity)` at the first
    /// change (so a caller can hand in a buffer to reuse).
    pub(crate) fn pass_with<I: Input, S: Sink<I>>(
        &self,
        text: I,
        flags: &mut Flags,
        make: impl FnOnce(usize) -> S,
    ) -> Option<S> {
        let len = text.len();
        let mut sink: Option<S> = None;
        let mut make = Some(make);
        let mut new_sink = move || match make.take() {
            Some(f) => f(len + len / 8 + 8),
            None => S::with_capacity(len + len / 8 + 8),
        };
        let mut look = Look::default();
        // Start of the pending run of unchanged input.
        let mut run = 0usize;
        let mut i = 0usize;
        let fast: &[u16; TABLE_LEN] = &self.fast;
        loop {
            // The scan: skip plain characters (and single spaces) and apply
            // context-free one-to-one mappings without decoding to `char` or
            // looking at the action.
            loop {
                i = text.skip_plain(i, run, fast);
                let Some((cp, w)) = text.small(i) else { break };
                let f = fast[cp];
                if f == PLAIN {
                    i += w;
                    continue;
                }
                if cp == 0x20 {
                    // One space stays; the second of a run takes the full path.
                    if i > run && !text.is_space_at(i - 1) {
                        i += 1;
                        continue;
                    }
                    break;
                }
                if f == SLOW {
                    break;
                }
                let out = sink.get_or_insert_with(&mut new_sink);
                if run < i {
                    out.run(text, run, i);
                }
                out.push(char::from_u32(u32::from(f)).unwrap_or('\u{FFFD}'), i, i + w);
                i += w;
                run = i;
            }
            if i >= len {
                break;
            }
            let Some((c, w)) = text.decode(i) else {
                flags.invalid = true;
                return None;
            };
            let act = self.action(c);
            if self.rules.nfc && (c as u32) >= 0x300 && self.is_sensitive(c) {
                self.note_sensitive(text, i, c, act, flags);
            }
            if act == Action::Keep {
                i += w;
                continue;
            }
            if c == ' ' && act == Action::Ctx(Ctx::Space) {
                // A single space stays: only the second space of a run changes.
                let prev_space = if run < i {
                    text.is_space_at(i - 1)
                } else {
                    sink.as_ref().and_then(Sink::last_char) == Some(' ')
                };
                if !prev_space {
                    i += 1;
                    continue;
                }
            }
            // Something changes here: flush the pending run first.
            let out = sink.get_or_insert_with(&mut new_sink);
            if run < i {
                out.run(text, run, i);
            }
            let end = i + w;
            match act {
                Action::Keep => {}
                Action::DeleteAttach => {
                    out.attach(end);
                    flags.deleted_until = end;
                }
                Action::Delete => flags.deleted_until = end,
                Action::Map(m) => out.push(m, i, end),
                Action::Ctx(ctx) => self.context(ctx, c, text, i, end, out, flags, &mut look),
            }
            i = end;
            run = end;
        }
        let mut out = sink?;
        if run < len {
            out.run(text, run, len);
        }
        Some(out)
    }

    /// Record whether a combining or composing character makes the input
    /// non-NFC where it matters.
    fn note_sensitive<I: Input>(&self, text: I, i: usize, c: char, act: Action, flags: &mut Flags) {
        if i > 0 && flags.deleted_until == i {
            flags.output_unsure = true;
        }
        if is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes {
            flags.input_not_nfc = true;
            return;
        }
        let ccc = canonical_combining_class(c);
        if ccc == 0 {
            return;
        }
        if let Some(p) = text.char_before(i) {
            let pccc = canonical_combining_class(p);
            if pccc > ccc {
                // Marks out of canonical order matter only if one of them stays.
                let deleted = |a: Action| matches!(a, Action::Delete | Action::DeleteAttach);
                if !(deleted(act) && deleted(self.action(p))) {
                    flags.input_not_nfc = true;
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn context<I: Input, S: Sink<I>>(
        &self,
        ctx: Ctx,
        c: char,
        text: I,
        i: usize,
        end: usize,
        out: &mut S,
        flags: &mut Flags,
        look: &mut Look,
    ) {
        // The run was flushed, so the previous output is in the sink. Context
        // rules look past marks and controls there, as they do ahead.
        let prev = look.prev(out);
        // A context rule may delete what stood between a base and its marks.
        if !matches!(ctx, Ctx::Space | Ctx::LineBreak | Ctx::Separator(_)) {
            flags.deleted_until = end;
        }
        match ctx {
            Ctx::Space => {
                if out.last_char() == Some(' ') {
                    out.attach(end);
                } else {
                    out.push(' ', i, end);
                }
            }
            Ctx::CarriageReturn => {
                if text.decode(end).is_some_and(|(n, _)| n == '\n') {
                    // CRLF: the LF that follows stands for both.
                } else {
                    out.push('\n', i, end);
                }
            }
            Ctx::LineBreak => out.push('\n', i, end),
            Ctx::Tatweel => {
                // Marks sit on the letters around the tatweel: look past them,
                // whatever the rules do to them, so that every profile sees
                // the same neighbours (`بـً3` is a boundary in display and in
                // search alike).
                let next = look.next(text, end);
                // `الـ3`, `بـS300`: the tatweel separates an Arabic prefix from
                // a number or a word in another script.
                let boundary = prev.is_some_and(is_arabic_letter)
                    && next.is_some_and(|n| {
                        is_digit(n)
                            || (n.is_alphanumeric()
                                && !is_arabic_script(n)
                                && canonical_combining_class(n) == 0)
                    });
                if boundary {
                    out.push(' ', i, end);
                } else {
                    out.attach(end);
                }
            }
            Ctx::Separator(decimal) => {
                // Look past what this pass deletes (`٠٫ً٠`), or a second pass
                // would see digits the first did not.
                let next = look.next(text, end);
                let between = prev.is_some_and(is_digit) && next.is_some_and(is_digit);
                if between {
                    out.push(if decimal { '.' } else { ',' }, i, end);
                } else {
                    out.push(c, i, end);
                }
            }
            Ctx::Zwnj => {
                // A Persian half-space sits between two letters (`می‌خواهم`).
                // The next character must be a visible letter already, since a
                // tatweel or mark after it may turn into something else.
                let joins = prev.is_some_and(char::is_alphabetic)
                    && text
                        .decode(end)
                        .is_some_and(|(n, _)| n.is_alphabetic() && !invisible(n));
                if joins {
                    out.push(c, i, end);
                }
            }
            Ctx::Zwj => {
                // A ZWJ means something inside emoji sequences and Indic
                // scripts; next to Arabic, ASCII or a space it joins nothing.
                // (Folding never turns one side into the other, so every
                // profile decides alike.)
                let symbol = |n: char| {
                    !n.is_ascii()
                        && !n.is_whitespace()
                        && !is_arabic_script(n)
                        && !n.is_lowercase()
                        && !n.is_uppercase()
                        && crate::rules::untouched_by_search(n)
                        && !matches!(n, '\u{200C}' | '\u{200D}')
                };
                let joins = prev.is_some_and(symbol) && look.next(text, end).is_some_and(symbol);
                if joins {
                    out.push(c, i, end);
                }
            }
            Ctx::Presentation => self.decompose(c, i, end, out, flags),
            Ctx::Lower => {
                for l in c.to_lowercase() {
                    out.push(l, i, end);
                }
                flags.output_unsure |= self.rules.nfc;
            }
        }
    }

    /// Decompose a presentation form and apply the context-free rules to its
    /// parts; every part maps to the whole original character.
    fn decompose<I: Input, S: Sink<I>>(
        &self,
        c: char,
        i: usize,
        end: usize,
        out: &mut S,
        flags: &mut Flags,
    ) {
        let mut parts = std::iter::once(c).nfkc().peekable();
        // Isolated harakat (U+FE70..FE7F, U+FC5E..FC63) decompose to a space
        // and marks: the space only shows the marks alone, it is no word break.
        if parts.peek() == Some(&' ')
            && std::iter::once(c)
                .nfkc()
                .skip(1)
                .all(|d| canonical_combining_class(d) != 0)
        {
            parts.next();
        }
        for d in parts {
            if d == c {
                out.push(d, i, end);
                continue;
            }
            match self.action(d) {
                Action::Keep | Action::Ctx(Ctx::Lower | Ctx::Presentation | Ctx::Separator(_)) => {
                    out.push(d, i, end);
                }
                Action::Map(m) => out.push(m, i, end),
                Action::DeleteAttach | Action::Ctx(Ctx::Tatweel) => {
                    out.attach(end);
                    flags.output_unsure |= self.rules.nfc;
                }
                Action::Delete | Action::Ctx(Ctx::Zwnj | Ctx::Zwj | Ctx::CarriageReturn) => {}
                Action::Ctx(Ctx::Space) => {
                    if out.last_char() == Some(' ') {
                        out.attach(end);
                    } else {
                        out.push(' ', i, end);
                    }
                }
                Action::Ctx(Ctx::LineBreak) => out.push('\n', i, end),
            }
        }
        if self.rules.nfc {
            flags.output_unsure = true;
        }
    }
}

/// NFC of `text`, with an alignment: characters of a cluster (a starter and
/// the marks after it) that NFC changes all map to the whole cluster.
pub(crate) fn nfc_aligned(text: &str) -> AlignSink {
    let mut out = <AlignSink as Sink<&str>>::with_capacity(text.len());
    let mut start = 0usize;
    let flush = |out: &mut AlignSink, s: usize, e: usize| {
        if s >= e {
            return;
        }
        let cluster = &text[s..e];
        if is_nfc_quick(cluster.chars()) == IsNormalized::Yes {
            out.run(text, s, e);
            return;
        }
        let composed: String = cluster.nfc().collect();
        if composed == cluster {
            out.run(text, s, e);
        } else {
            for c in composed.chars() {
                out.push(c, s, e);
            }
        }
    };
    for (i, c) in text.char_indices() {
        if i > start
            && canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
        {
            flush(&mut out, start, i);
            start = i;
        }
    }
    flush(&mut out, start, text.len());
    out
}
