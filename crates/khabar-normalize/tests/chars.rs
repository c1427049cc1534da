//! The light fold of `chars` agrees with the search profile on the marks
//! and letters of every Arabic block: what the profile drops from inside a
//! word, the fold drops, and a letter folds to what the profile makes of it.

use khabar_normalize::chars::{fold_char, is_arabic_mark, word_class, WordClass, TATWEEL};
use khabar_normalize::{normalize, Profile};

fn arabic_blocks() -> impl Iterator<Item = char> {
    (0x600u32..=0x6FF)
        .chain(0x750..=0x77F)
        .chain(0x8A0..=0x8FF)
        .filter_map(char::from_u32)
}

#[test]
fn the_fold_drops_the_marks_search_drops() {
    for c in arabic_blocks() {
        let mark = is_arabic_mark(c) || c == TATWEEL;
        assert_eq!(
            word_class(c) == WordClass::MARK,
            mark,
            "help: U+{:04X}",
            c as u32
        );
        assert_eq!(fold_char(c).is_none(), mark, "help: U+{:04X}", c as u32);
        if mark {
            // Between two letters, the search profile drops it.
            let s = format!("ب{c}ب");
            assert_eq!(
                normalize(&s, Profile::Search),
                "بب",
                "help: U+{:04X}",
                c as u32
            );
        }
    }
}

#[test]
fn the_fold_folds_the_letters_search_folds() {
    for c in arabic_blocks() {
        let Some(folded) = word_class(c).folded() else {
            continue;
        };
        assert_eq!(fold_char(c), Some(folded), "help: U+{:04X}", c as u32);
        let s = format!("ب{c}ب");
        assert_eq!(
            normalize(&s, Profile::Search),
            format!("ب{folded}ب"),
            "help: U+{:04X}",
            c as u32
        );
    }
}

/// The Quranic small waw and small yeh (U+06E5, U+06E6) are dropped with the
/// other marks: `عَلَيۡهِۦ` searches as `عليه`.
#[test]
fn quranic_small_waw_and_yeh_are_marks() {
    for c in ['\u{06E5}', '\u{06E6}'] {
        assert!(is_arabic_mark(c), "help: U+{:04X}", c as u32);
        assert_eq!(word_class(c), WordClass::MARK);
        assert_eq!(fold_char(c), None);
    }
}
