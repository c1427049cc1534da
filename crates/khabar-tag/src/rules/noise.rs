//! Rules against noise: spans that are no names at all.

use crate::candidate::{Cand, Ctx};
use crate::entity::Label;
use crate::token::Token;

/// `no_entity_in_markup`: nothing inside markup or a URL is an entity
/// (`<img src=…>`, `محمد بن سلمان https://…`): a span after `<` or `</`,
/// or before `://` or `=`, is dropped.
pub(crate) fn no_entity_in_markup(ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    let text = ctx.text;
    chosen.retain(|c| {
        let (a, b) = (s[c.start].span.start, s[c.end - 1].span.end);
        let before = text[..a].trim_end_matches(' ');
        let after = text.get(b..).unwrap_or("");
        !(before.ends_with('<')
            || before.ends_with("</")
            || after.starts_with("://")
            || after.starts_with('='))
    });
}

/// `drop_overlong`: spans or words far longer than any name (junk input
/// such as `و` × 1000) are dropped: over 12 tokens for a person, 20 for
/// anything else, or a word over 40 letters.
pub(crate) fn drop_overlong(_ctx: &Ctx<'_>, s: &[Token], chosen: &mut Vec<Cand>) {
    chosen.retain(|c| {
        let max_tokens = if c.label == Label::Person { 12 } else { 20 };
        let overlong = c.end - c.start > max_tokens
            || s[c.start..c.end]
                .iter()
                .any(|t| t.norm.chars().count() > 40);
        !overlong
    });
}

/// `symbol_not_name`: whether an entity's surface has no letter or digit
/// (`﷼` normalizes to `ريال`, and is no name).
pub(crate) fn symbol_not_name(surface: &str) -> bool {
    !surface.chars().any(char::is_alphanumeric)
}
