//! Rules of equipment (EQUIPMENT): model numbers and Latin model codes.

use crate::candidate::{Cand, Ctx};
use crate::entity::Label;
use crate::rules::{Precedence, Rule};
use crate::token::{Shape, Token};

/// `equipment_model_number`: whether the token after an equipment family
/// of the gazetteer is its model number (`إليوشن 76`, `ميغ 29`, `سو 35S`).
pub(crate) fn equipment_model_number(next: Option<&Token>) -> bool {
    next.is_some_and(|t| matches!(t.shape, Shape::Digit | Shape::Mixed | Shape::Latin))
}

/// `equipment_latin_code`: a Latin model code of letters and digits is
/// equipment (`S300`, `F-16`, `MQ-9`). It loses every tie, but needs no
/// agreement.
pub(crate) fn equipment_latin_code(_ctx: &Ctx<'_>, s: &[Token], out: &mut Vec<Cand>) {
    for (k, t) in s.iter().enumerate() {
        if t.shape == Shape::Mixed
            && t.norm
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
            && t.norm.chars().any(|c| c.is_ascii_digit())
        {
            out.push(Cand {
                precedence: Precedence::Weak,
                ..Cand::by_rule(Rule::EquipmentLatinCode, k, k + 1, Label::Equipment, 0.6)
            });
        }
    }
}
