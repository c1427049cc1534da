//! Times of day: `16:28`, `06:29 صباحاً`, `10:30 مساءً`, and a time after a
//! date (`- 16:28`, `، الساعة 10:30`, `T14:30`, `في الساعة التاسعة صباحاً`).

use super::cx::Cx;

impl Cx<'_> {
    /// `HH:MM` with an optional `صباحاً`/`مساءً` at `i`: (hour, minute, next).
    pub(super) fn time_at(&self, i: usize) -> Option<(u8, u8, usize)> {
        let (hh, hd) = self.num(i)?;
        if hd > 2 || self.punct(i + 1) != Some(':') || !self.tight(i + 1) || !self.tight(i + 2) {
            return None;
        }
        let (mm, md) = self.num(i + 2)?;
        if md != 2 || mm > 59 || hh > 23 {
            return None;
        }
        let mut j = i + 3;
        if self.punct(j) == Some(':')
            && self.tight(j)
            && self.num(j + 1).is_some_and(|(s, d)| d == 2 && s < 60)
        {
            j += 2;
        }
        let mut hour = hh as u8;
        // `8:05 p.m.`, `10:45 a.m.`: read as `pm`, `am`.
        let dotted = match self.word(j) {
            Some(w @ ("a" | "p")) if self.punct(j + 1) == Some('.') && self.is_word(j + 2, "m") => {
                let skip = if self.punct(j + 3) == Some('.') { 3 } else { 2 };
                Some((if w == "a" { "am" } else { "pm" }, skip))
            }
            _ => None,
        };
        if let Some((w, skip)) = dotted {
            if hour <= 12 {
                hour = match (w, hour) {
                    ("am", 12) => 0,
                    ("pm", h) if h < 12 => h + 12,
                    (_, h) => h,
                };
                j += skip + 1;
            }
        }
        match self.word(j).filter(|_| dotted.is_none()) {
            Some("صباحا" | "صباح" | "ص" | "am" | "فجرا") if hour <= 12 => {
                if hour == 12 {
                    hour = 0;
                }
                j += 1;
            }
            Some("مساء" | "مساءا" | "م" | "pm" | "ظهرا" | "عصرا" | "ليلا" | "مساءً")
                if hour <= 12 =>
            {
                if hour < 12 {
                    hour += 12;
                }
                j += 1;
            }
            _ => {}
        }
        if self.is_word(j, "z") && self.tight(j) {
            j += 1;
        }
        Some((hour, mm as u8, j))
    }

    /// A time right after a date (`- 16:28`, `، الساعة 10:30`, `T14:30`).
    pub(super) fn time_after(&self, i: usize) -> Option<(u8, u8, usize)> {
        let mut j = i;
        if self.is_word(j, "t") && self.tight(j) {
            return self.time_at(j + 1);
        }
        if matches!(self.punct(j), Some('-' | '–' | ',' | '|' | '/')) {
            j += 1;
        }
        if matches!(self.word(j), Some("في" | "at" | "عند")) {
            j += 1;
        }
        let saa = self.is_word(j, "الساعه");
        if saa {
            j += 1;
        }
        self.time_at(j).or_else(|| self.clock_words_at(j, saa))
    }
}
