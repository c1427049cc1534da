//! The words the tagger read, for layers above it (roles and events) that
//! need the tokens and sentences without tokenizing and normalizing the
//! text a second time: [`Tagger::tag_words_with_dates`](crate::Tagger::tag_words_with_dates).

use std::ops::Range;

use khabar_normalize::Span;

use crate::entity::Entity;
use crate::token::Token;

/// A word (or punctuation mark) of the tagged text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// Bytes of the original text.
    pub span: Span,
    /// The search-normalized form (`khabar_normalize::Profile::Search`):
    /// hamza carriers, alef and teh marbuta folded, marks removed.
    pub norm: String,
    /// Byte offset in `norm` after the proclitics that are surely outside
    /// a name (`وب` in `وبالعراق`); the article stays.
    pub bare: u16,
    /// Whether the tagger's analysis found the article `ال` (or an elided
    /// one after `لل`).
    pub article: bool,
}

impl Word {
    /// `norm` without its sure proclitics (`العراق` for `وبالعراق`).
    pub fn bare(&self) -> &str {
        self.norm.get(self.bare as usize..).unwrap_or("")
    }
}

/// Entities with the words and sentences they were found in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tagged {
    /// The entities, as [`Tagger::tag`](crate::Tagger::tag) returns them.
    pub entities: Vec<Entity>,
    /// Every word of the text, in order.
    pub words: Vec<Word>,
    /// The sentences, as ranges of `words` (split at final punctuation and
    /// at line breaks, as the tagger reads them).
    pub sentences: Vec<Range<usize>>,
}

impl Tagged {
    /// Words and sentences from the tagger's sentences (moving the
    /// normalized strings, without copying them).
    pub(crate) fn new(entities: Vec<Entity>, sents: Vec<Vec<Token>>) -> Tagged {
        let n = sents.iter().map(Vec::len).sum();
        let mut words = Vec::with_capacity(n);
        let mut sentences = Vec::with_capacity(sents.len());
        for s in sents {
            let start = words.len();
            words.extend(s.into_iter().map(|t| {
                let bare = if t.elided_article() {
                    t.clitic.stem
                } else {
                    u16::from(t.clitic.sure) * 2
                };
                Word {
                    span: t.span,
                    article: t.clitic.al,
                    bare: bare.min(t.norm.len() as u16),
                    norm: t.norm,
                }
            }));
            sentences.push(start..words.len());
        }
        Tagged {
            entities,
            words,
            sentences,
        }
    }
}
