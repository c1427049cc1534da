//! Negated, hypothetical, questioned, invited, generic and planned
//! events.

use std::ops::Range;
use std::sync::LazyLock;

use crate::doc::Doc;
use crate::lexicon::WordSet;
use crate::rules::Rule;
use crate::triggers::Found;

static NEGATIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["لم", "لن", "لا", "عدم", "دون", "بدون", "غير", "ليس", "ليست"]));
static DENIALS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "نفى",
        "نفت",
        "ينفي",
        "تنفي",
        "نفي",
        "رفض",
        "رفضت",
        "يرفض",
        "ترفض",
        "رفضه",
        "امتنع",
        "امتنعت",
    ])
});
static MAYBE: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "ربما",
        "إذا",
        "لو",
        "يمكن",
        "يمكنه",
        "يحتمل",
        "احتمال",
        "إمكانية",
        "يستبعد",
        "تستبعد",
        "تسعى",
        "يسعى",
        "تأمل",
        "يأمل",
        "تدرس",
        "يدرس",
        "النظر",
        "دراسة",
        "تفكر",
        "يفكر",
        "حال",
    ])
});
static MAYBE_AFTER: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "محتملة",
        "المحتملة",
        "محتمل",
        "المحتمل",
        "مفترضة",
        "المفترضة",
    ])
});
static QUESTIONS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&["هل", "أهل"]));
static QUESTION_HEADS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["ما", "ماذا", "كيف", "متى", "لماذا", "هل", "أين", "من"]));
static THESE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&["هذه", "هذا", "تلك", "ذلك"]));
static INVITES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "دعوة",
        "الدعوة",
        "دعا",
        "دعت",
        "يدعو",
        "تدعو",
        "دعاه",
        "دعته",
        "دعاها",
        "دعوته",
    ])
});
static CANCELS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "ألغى",
        "ألغت",
        "إلغاء",
        "أرجأ",
        "أرجأت",
        "تأجيل",
        "أجل",
        "أجلت",
        "علق",
        "علقت",
    ])
});
static GENERIC_AFTER: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "السابقة",
        "مختلفة",
        "عدة",
        "متعددة",
        "المقبلة",
        "الدورية",
        "كل",
        "سابقة",
        "المختلفة",
        "متكررة",
        "المتكررة",
    ])
});
static PLANS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "المقرر",
        "المنتظر",
        "المرتقب",
        "سوف",
        "تعتزم",
        "يعتزم",
        "تنوي",
        "ينوي",
        "وافقت",
        "وافق",
        "ستجري",
        "سيجري",
        "ستعقد",
        "سيعقد",
        "سيتم",
        "ستتم",
        "سيبدأ",
        "ستبدأ",
        "سيقوم",
        "ستقوم",
        "ستنطلق",
        "ستنفذ",
        "سينفذ",
        "سيشارك",
        "ستشارك",
        "ستشهد",
        "سيشهد",
        "اتفقا",
        "اتفق",
        "اتفقت",
        "اتفقوا",
        "استعدادهما",
        "استعداده",
        "استعدادها",
        "ستتسلم",
        "سيتسلم",
    ])
});
static PLAN_AFTER: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "المقبل",
        "المقبلة",
        "القادم",
        "القادمة",
        "المرتقب",
        "المرتقبة",
        "المنتظرة",
        "المنتظر",
    ])
});

/// Words `a..b` (clamped to the sentence `s`).
fn window(s: &Range<usize>, a: isize, b: isize) -> Range<usize> {
    let lo = (a.max(s.start as isize)) as usize;
    let hi = (b.min(s.end as isize)).max(lo as isize) as usize;
    lo..hi
}

/// Why the trigger `f` of sentence `s` is no event, if it is not.
pub(crate) fn not_event(doc: &Doc<'_>, f: &Found, s: &Range<usize>) -> Option<&'static str> {
    let at = f.word as isize;
    let before = |n: isize| window(s, at - n, at);
    let after = |n: isize| window(s, at + f.len as isize, at + f.len as isize + n);
    let any = |r: Range<usize>, set: &WordSet| r.into_iter().any(|j| set.any(doc.forms(j)));
    if doc.on(Rule::HypotheticalNotEvent) && hypothetical(doc, f, s) {
        return Some("hypothetical");
    }
    if doc.on(Rule::NegatedNotEvent) {
        if any(before(3), &NEGATIONS) {
            return Some("negated");
        }
        let denied = before(12).into_iter().any(|j| {
            DENIALS.any(doc.forms(j)) && !(j > s.start && NEGATIONS.any(doc.forms(j - 1)))
        });
        if denied {
            return Some("negated");
        }
    }
    if doc.on(Rule::QuestionedNotEvent) {
        let anaphoric = any(before(2), &THESE);
        let asked = any(before(8), &QUESTIONS)
            || (matches!(doc.norm(s.end.saturating_sub(1)), "؟" | "?")
                && QUESTION_HEADS.any(doc.forms(s.start)));
        if asked && !anaphoric {
            return Some("questioned");
        }
    }
    if doc.on(Rule::InvitationNotEvent) {
        let to = doc.norm(f.word).starts_with('ل') && f.strip > 0;
        if (to && any(before(8), &INVITES)) || any(before(3), &CANCELS) {
            return Some("invitation");
        }
    }
    if doc.on(Rule::GenericNotEvent) && (f.trigger.plural || any(after(3), &GENERIC_AFTER)) {
        let generic = f.trigger.plural || doc.forms(f.word + f.len).iter().any(|x| x.text == "كل");
        if generic {
            return Some("generic");
        }
    }
    None
}

/// `ربما`, `قد` + an imperfect verb, `إذا` before, `محتملة` after.
fn hypothetical(doc: &Doc<'_>, f: &Found, s: &Range<usize>) -> bool {
    let at = f.word as isize;
    let may = window(s, at - 4, at).into_iter().any(|j| {
        MAYBE.any(doc.forms(j))
            || (doc.norm(j) == "قد" && doc.norm(j + 1).starts_with(['ي', 'ت', 'ن']))
    });
    let after = window(s, at + f.len as isize, at + f.len as isize + 2);
    may || after.into_iter().any(|j| MAYBE_AFTER.any(doc.forms(j)))
}

/// A future verb, `من المقرر أن`, `على أن`, an intent or `المقبل` marks
/// the event planned.
pub(crate) fn planned(doc: &Doc<'_>, f: &Found, s: &Range<usize>) -> bool {
    if !doc.on(Rule::PlannedFuture) {
        return false;
    }
    if f.future {
        return true;
    }
    let at = f.word as isize;
    let before = window(s, at - 8, at);
    let ala_an = before
        .clone()
        .any(|j| doc.norm(j) == "علي" && doc.norm(j + 1) == "ان");
    let plan = before.into_iter().any(|j| PLANS.any(doc.forms(j)));
    let after = window(s, at + f.len as isize, at + f.len as isize + 8);
    ala_an || plan || after.into_iter().any(|j| PLAN_AFTER.any(doc.forms(j)))
}

static BACK: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&["هذه", "هذا", "تلك", "ذلك", "خلال", "أثناء", "نفس"]));

/// Whether the trigger refers back to an event told before: a definite
/// noun (`الزيارة`, `اللقاء`) or one after `هذه`, `خلال`.
pub(crate) fn anaphoric(doc: &Doc<'_>, f: &Found) -> bool {
    let definite = !f.trigger.verb
        && doc
            .forms(f.word)
            .iter()
            .any(|x| x.strip == f.strip && x.text.starts_with("ال"));
    definite || (f.word > 0 && BACK.any(doc.forms(f.word - 1)))
}
