//! Canonical keys: one key for the spellings of one name.
//!
//! The search profile already folds hamza carriers, alef forms, yeh/alef
//! maqsura, teh marbuta and Persian letters (`قرائي أشتياني` and
//! `قرايي آشتياني` are both `قرايي اشتياني`). On top of that, name parts
//! written apart or joined (`حسن اوف` / `حسنوف`, `علي زاده` / `عليزاده`)
//! are glued, and a lone hamza is dropped.

/// Name-part suffixes that are written either apart or joined.
const GLUED: [&str; 6] = ["اوف", "وف", "اف", "زاده", "اييف", "يف"];

/// The canonical key of a mention from its normalized tokens.
pub(crate) fn key<'a>(norm_tokens: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for t in norm_tokens {
        let t: String = t
            .chars()
            .filter(|c| *c != 'ء' && *c != '\u{0640}')
            .collect();
        if t.is_empty() {
            continue;
        }
        if !out.is_empty() && GLUED.contains(&t.as_str()) {
            // `حسن اوف` → `حسنوف`: the alef of a detached `اوف` is a
            // spelling aid that the joined form drops.
            out.push_str(
                t.strip_prefix('ا')
                    .filter(|r| r.starts_with('و'))
                    .unwrap_or(&t),
            );
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t);
    }
    // `حسناوف` and `حسنوف`: drop an alef before a final `وف`.
    if let Some(stem) = out.strip_suffix("اوف") {
        if !stem.is_empty() && !stem.ends_with(' ') {
            out = format!("{stem}وف");
        }
    }
    out
}

/// Honorifics that open a person's name in the news (`سيد` of the Sayyids,
/// `الشيخ`, `الحاج`), in the key's normalized spelling. ANERcorp counts a
/// bare `سيد` as part of the name (`سيد محمد خاتمي`), so spans may hold
/// one; the key of the person does not.
const HONORIFICS: [&str; 7] = ["سيد", "السيد", "سيده", "السيده", "الشيخ", "الشيخه", "الحاج"];

/// Drop a leading honorific from the words of a person's key when at least
/// two words are left: `سيد ابراهيم رييسي` is `ابراهيم رييسي`, while
/// `سيد درويش` (where `سيد` is the given name) stays whole.
pub(crate) fn drop_honorific(words: &mut Vec<String>) {
    if words.len() >= 3 && HONORIFICS.contains(&words[0].as_str()) {
        words.remove(0);
    }
}

#[cfg(test)]
mod tests {
    use super::{drop_honorific, key};

    #[test]
    fn honorific_left_out_of_a_full_name_only() {
        let words = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        let mut v = words("سيد ابراهيم رييسي");
        drop_honorific(&mut v);
        assert_eq!(v, words("ابراهيم رييسي"));
        let mut v = words("سيد درويش");
        drop_honorific(&mut v);
        assert_eq!(v, words("سيد درويش"));
        let mut v = words("محمد سيد احمد");
        drop_honorific(&mut v);
        assert_eq!(v, words("محمد سيد احمد"));
    }

    #[test]
    fn joined_and_split() {
        assert_eq!(key(["ذاكر", "حسن", "اوف"]), key(["ذاكر", "حسنوف"]));
        assert_eq!(key(["علي", "زاده"]), key(["عليزاده"]));
    }
}
