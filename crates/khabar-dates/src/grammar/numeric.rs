//! Numeric and ISO dates: `14/11/2016`, `20-10-2021`, `2021-10-20`,
//! `10/11/2021` read month-first after an English weekday.

use super::cx::Cx;
use crate::calendar::{Date, Weekday};
use crate::resolve::in_range;

impl Cx<'_> {
    /// Numeric dates: `14/11/2016`, `20-10-2021`, `2021-10-20`, `2021/10/20`.
    /// `prefer_mdy` when an English weekday introduced it.
    pub(super) fn numeric_at(
        &self,
        i: usize,
        weekday: Option<Weekday>,
        prefer_mdy: bool,
    ) -> Option<(Date, usize)> {
        let (a, ad) = self.num(i)?;
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '-' | '.') {
            return None;
        }
        if !(self.tight(i + 1)
            && self.tight(i + 2)
            && self.punct(i + 3) == Some(sep)
            && self.tight(i + 3)
            && self.tight(i + 4))
        {
            return None;
        }
        let (b, bd) = self.num(i + 2)?;
        let (c, cd) = self.num(i + 4)?;
        let next = i + 5;
        // A longer run (`1.2.3.4`, a version or a phone number) is not a date.
        if matches!(self.punct(next), Some('/' | '-' | '.'))
            && self.tight(next)
            && self.num(next + 1).is_some()
            && self.tight(next + 1)
        {
            return None;
        }
        if i > 0
            && matches!(self.punct(i - 1), Some('/' | '-' | '.'))
            && self.tight(i)
            && self.num(i.wrapping_sub(2)).is_some()
        {
            return None;
        }
        if ad == 4 && bd <= 2 && cd <= 2 {
            let d = Date::new(a as i32, b as u8, c as u8)?;
            return in_range(d).then_some((d, next));
        }
        if cd != 4 || ad > 2 || bd > 2 {
            return None;
        }
        let y = c as i32;
        let dmy = Date::new(y, b as u8, a as u8);
        let mdy = Date::new(y, a as u8, b as u8);
        let pick = match (dmy, mdy) {
            (Some(x), None) | (None, Some(x)) => x,
            (Some(x), Some(z)) => {
                // Both readings exist (`10/11/2021`): the weekday decides,
                // then the convention of the language of the weekday.
                match weekday {
                    Some(w) if x.weekday() == w && z.weekday() != w => x,
                    Some(w) if z.weekday() == w && x.weekday() != w => z,
                    _ if prefer_mdy => z,
                    _ => x,
                }
            }
            (None, None) => return None,
        };
        in_range(pick).then_some((pick, next))
    }
}
