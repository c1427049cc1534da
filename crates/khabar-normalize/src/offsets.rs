//! Byte offsets to code-point offsets.

/// Converts byte offsets of one text into code-point offsets (what Python's
/// `str` indexes), with one table built per text.
///
/// The table keeps the code-point index of every 64th byte, so it costs about
/// one `u32` per 64 bytes; a lookup counts the characters of at most 64 bytes.
///
/// ```
/// use khabar_normalize::CharOffsets;
/// let text = "وزير S-300";
/// let offsets = CharOffsets::new(text);
/// assert_eq!(offsets.to_char(text.find('S').unwrap()), 5);
/// assert_eq!(offsets.to_byte(5), text.find('S').unwrap());
/// ```
#[derive(Clone, Debug)]
pub struct CharOffsets<'a> {
    text: &'a str,
    /// `blocks[k]` = code points in `text[..64 * k]` (counting a char that
    /// straddles the block start as before it).
    blocks: Vec<u32>,
    ascii: bool,
}

const BLOCK: usize = 64;

#[inline]
fn is_char_start(b: u8) -> bool {
    // Not a continuation byte (0b10xx_xxxx).
    (b & 0xC0) != 0x80
}

impl<'a> CharOffsets<'a> {
    /// Build the table for `text`.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        if bytes.is_ascii() {
            return Self {
                text,
                blocks: Vec::new(),
                ascii: true,
            };
        }
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 2);
        let mut count = 0u32;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            count += chunk.iter().filter(|&&b| is_char_start(b)).count() as u32;
        }
        blocks.push(count);
        Self {
            text,
            blocks,
            ascii: false,
        }
    }

    /// The text the table is for.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        if self.ascii {
            self.text.len()
        } else {
            self.blocks.last().copied().unwrap_or(0) as usize
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text; a
    /// byte inside a character counts as that character's start).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let k = byte / BLOCK;
        let base = self.blocks[k] as usize;
        let from = k * BLOCK;
        base + self.text.as_bytes()[from..byte]
            .iter()
            .filter(|&&b| is_char_start(b))
            .count()
    }

    /// The byte offset of code-point offset `ch` (clamped to the text).
    pub fn to_byte(&self, ch: usize) -> usize {
        if self.ascii {
            return ch.min(self.text.len());
        }
        if ch >= self.char_len() {
            return self.text.len();
        }
        // Last block whose start count is <= ch.
        let k = self
            .blocks
            .partition_point(|&c| (c as usize) <= ch)
            .saturating_sub(1);
        let mut count = self.blocks[k] as usize;
        let bytes = self.text.as_bytes();
        let mut i = k * BLOCK;
        // Skip continuation bytes of a char that straddles the block start.
        while i < bytes.len() && !is_char_start(bytes[i]) {
            i += 1;
        }
        while i < bytes.len() {
            if is_char_start(bytes[i]) {
                if count == ch {
                    return i;
                }
                count += 1;
            }
            i += 1;
        }
        bytes.len()
    }
}

/// Converts a non-decreasing sequence of byte offsets of one text into
/// code-point offsets in one forward walk (entity and alignment offsets come
/// in order, so a document costs one pass however many spans it has).
/// Falls back to counting from the start when an offset goes backwards.
#[derive(Clone, Debug)]
pub struct CharCursor<'a> {
    bytes: &'a [u8],
    byte: usize,
    ch: usize,
}

impl<'a> CharCursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            byte: 0,
            ch: 0,
        }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text).
    pub fn to_char(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if byte < self.byte {
            self.byte = 0;
            self.ch = 0;
        }
        self.ch += self.bytes[self.byte..byte]
            .iter()
            .filter(|&&b| is_char_start(b))
            .count();
        self.byte = byte;
        self.ch
    }
}
