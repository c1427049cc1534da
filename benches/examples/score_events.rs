//! Score khabar's roles and events against the gold fixtures of
//! `tests/data/events` (docs/events-guideline.md, section 8):
//!
//!     cargo run --release -p khabar-benches --example score_events [-- -v] [--heldout]
//!
//! Prints, for the development sets (`samples.toml`, `paragraphs.toml`)
//! and, with `--heldout` and as totals only, for the held-out sets
//! `heldout.toml` (written before the extractor) and `heldout_after.toml`
//! (written after its code, 2026-12-05); score them once per change worth
//! shipping, never to tune: roles F1 (office and `of` both
//! right), events F1 (same kind and at least one shared participant,
//! matched one-to-one per document), participant F1 over matched events,
//! role accuracy of matched participants, date accuracy on matched events
//! whose gold has a date, and predicted events that hit a `not_event`.
//! `-v` lists the misses of the development sets (never of a held-out set).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use khabar::article::Hints;
use khabar::Document;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    doc: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    id: String,
    published: Option<String>,
    text: Option<String>,
    file: Option<String>,
    #[serde(default)]
    role: Vec<GoldRole>,
    #[serde(default)]
    event: Vec<GoldEvent>,
    #[serde(default)]
    not_event: Vec<NotEvent>,
}

#[derive(Deserialize, Clone)]
struct Mention {
    surface: String,
    occurrence: Option<usize>,
}

#[derive(Deserialize)]
struct GoldRole {
    person: Mention,
    office: String,
    of: Option<String>,
}

#[derive(Deserialize)]
struct GoldPart {
    surface: String,
    occurrence: Option<usize>,
    role: String,
    country: Option<String>,
}

#[derive(Deserialize)]
struct GoldEvent {
    kind: String,
    triggers: Vec<Mention>,
    participants: Vec<GoldPart>,
    date: Option<String>,
}

#[derive(Deserialize)]
struct NotEvent {
    surface: String,
    occurrence: Option<usize>,
    kind: Option<String>,
}

/// Counts of one set.
#[derive(Default, Clone, Copy)]
struct Score {
    roles_tp: usize,
    roles_pred: usize,
    roles_gold: usize,
    ev_tp: usize,
    ev_pred: usize,
    ev_gold: usize,
    part_tp_pred: usize,
    part_pred: usize,
    part_tp_gold: usize,
    part_gold: usize,
    role_right: usize,
    dated: usize,
    date_right: usize,
    not_event_hits: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.roles_tp += o.roles_tp;
        self.roles_pred += o.roles_pred;
        self.roles_gold += o.roles_gold;
        self.ev_tp += o.ev_tp;
        self.ev_pred += o.ev_pred;
        self.ev_gold += o.ev_gold;
        self.part_tp_pred += o.part_tp_pred;
        self.part_pred += o.part_pred;
        self.part_tp_gold += o.part_tp_gold;
        self.part_gold += o.part_gold;
        self.role_right += o.role_right;
        self.dated += o.dated;
        self.date_right += o.date_right;
        self.not_event_hits += o.not_event_hits;
    }

    fn print(&self, name: &str) {
        let f1 = |tp_p: usize, p: usize, tp_g: usize, g: usize| {
            let pr = if p == 0 { 0.0 } else { tp_p as f64 / p as f64 };
            let rc = if g == 0 { 0.0 } else { tp_g as f64 / g as f64 };
            let f = if pr + rc == 0.0 {
                0.0
            } else {
                2.0 * pr * rc / (pr + rc)
            };
            format!("P {pr:.3} R {rc:.3} F1 {f:.3}")
        };
        println!(
            "{name:<11} roles {} ({}/{} pred, {} gold) | events {} ({}/{} pred, {} gold) | participants {} | role acc {:.3} | date {}/{} = {:.3} | not_event hits {}",
            f1(self.roles_tp, self.roles_pred, self.roles_tp, self.roles_gold),
            self.roles_tp, self.roles_pred, self.roles_gold,
            f1(self.ev_tp, self.ev_pred, self.ev_tp, self.ev_gold),
            self.ev_tp, self.ev_pred, self.ev_gold,
            f1(self.part_tp_pred, self.part_pred, self.part_tp_gold, self.part_gold),
            ratio(self.role_right, self.part_tp_gold),
            self.date_right, self.dated, ratio(self.date_right, self.dated),
            self.not_event_hits,
        );
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Byte span of the `occurrence`-th (overlapping) match of `surface`.
fn find(text: &str, surface: &str, occurrence: Option<usize>) -> (usize, usize) {
    let mut n = 0;
    let want = occurrence.unwrap_or(0);
    for (i, _) in text.char_indices() {
        if text[i..].starts_with(surface) {
            if n == want {
                return (i, i + surface.len());
            }
            n += 1;
        }
    }
    panic!("`{surface}` #{want} not in the text");
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

struct Ctx<'a> {
    doc: &'a Document,
}

impl Ctx<'_> {
    fn ent_span(&self, k: usize) -> (usize, usize) {
        let s = self.doc.entities[k].span;
        (s.start, s.end)
    }

    /// Whether predicted participant entity `k` matches the gold one at `g`.
    fn part_match(&self, k: usize, g: (usize, usize), country: Option<&str>) -> bool {
        let e = &self.doc.entities[k];
        if overlap(self.ent_span(k), g) {
            return true;
        }
        let same_key = self
            .doc
            .entities
            .iter()
            .any(|x| overlap((x.span.start, x.span.end), g) && x.canonical == e.canonical);
        same_key || country.is_some_and(|c| khabar::events::country_of(e) == Some(c))
    }
}

fn score_doc(g: &Gold, root: &Path, verbose: bool) -> Score {
    let (raw, shift) = match (&g.text, &g.file) {
        (Some(t), _) => match &g.published {
            Some(p) => (format!("{p}\n\n{t}"), p.len() + 2),
            None => (t.clone(), 0),
        },
        (None, Some(f)) => (
            std::fs::read_to_string(root.join(f)).expect("sample file"),
            0,
        ),
        _ => panic!("{}: no text", g.id),
    };
    let text = &raw[shift..];
    let at = |m: &Mention| {
        let (a, b) = find(text, &m.surface, m.occurrence);
        (a + shift, b + shift)
    };
    let doc = khabar::analyze(&raw, &Hints::default());
    let ctx = Ctx { doc: &doc };
    let mut s = Score::default();
    let say = |msg: String| {
        if verbose {
            println!("  {}: {msg}", g.id);
        }
    };
    // Roles.
    let gold_roles: Vec<((usize, usize), &GoldRole)> =
        g.role.iter().map(|r| (at(&r.person), r)).collect();
    s.roles_gold = gold_roles.len();
    for (k, e) in doc.entities.iter().enumerate() {
        let Some(r) = &e.role else { continue };
        s.roles_pred += 1;
        let span = ctx.ent_span(k);
        let hit = gold_roles.iter().find(|(gs, _)| overlap(*gs, span));
        match hit {
            Some((_, gr)) if gr.office == r.office && gr.of.as_deref() == r.of.as_deref() => {
                s.roles_tp += 1
            }
            Some((_, gr)) => say(format!(
                "ROLE {} got {}/{:?} want {}/{:?}",
                doc.entities[k].text, r.office, r.of, gr.office, gr.of
            )),
            None => say(format!(
                "ROLE extra {} {}/{:?} ({})",
                doc.entities[k].text, r.office, r.of, r.text
            )),
        }
    }
    for (gs, gr) in &gold_roles {
        let found = doc
            .entities
            .iter()
            .enumerate()
            .any(|(k, e)| e.role.is_some() && overlap(ctx.ent_span(k), *gs));
        if !found {
            say(format!(
                "ROLE missed {} {}/{:?}",
                gr.person.surface, gr.office, gr.of
            ));
        }
    }
    // Events: shared participants between every gold and predicted pair.
    let gold_parts: Vec<Vec<((usize, usize), &GoldPart)>> = g
        .event
        .iter()
        .map(|e| {
            e.participants
                .iter()
                .map(|p| {
                    let m = Mention {
                        surface: p.surface.clone(),
                        occurrence: p.occurrence,
                    };
                    (at(&m), p)
                })
                .collect()
        })
        .collect();
    let shared = |gi: usize, pi: usize| -> usize {
        let pe = &doc.events[pi];
        gold_parts[gi]
            .iter()
            .filter(|(span, gp)| {
                pe.participants
                    .iter()
                    .any(|p| ctx.part_match(p.entity, *span, gp.country.as_deref()))
            })
            .count()
    };
    let mut pairs = Vec::new();
    for (gi, ge) in g.event.iter().enumerate() {
        for (pi, pe) in doc.events.iter().enumerate() {
            if pe.kind.name() == ge.kind {
                let n = shared(gi, pi);
                if n > 0 {
                    pairs.push((n, gi, pi));
                }
            }
        }
    }
    pairs.sort_by_key(|&(n, gi, pi)| (std::cmp::Reverse(n), gi, pi));
    let mut gold_used = vec![false; g.event.len()];
    let mut pred_used = vec![false; doc.events.len()];
    s.ev_gold = g.event.len();
    s.ev_pred = doc.events.len();
    for (_, gi, pi) in pairs {
        if gold_used[gi] || pred_used[pi] {
            continue;
        }
        gold_used[gi] = true;
        pred_used[pi] = true;
        s.ev_tp += 1;
        let pe = &doc.events[pi];
        let ge = &g.event[gi];
        s.part_gold += gold_parts[gi].len();
        s.part_pred += pe.participants.len();
        for (span, gp) in &gold_parts[gi] {
            let m = pe
                .participants
                .iter()
                .find(|p| ctx.part_match(p.entity, *span, gp.country.as_deref()));
            if let Some(p) = m {
                s.part_tp_gold += 1;
                s.role_right += usize::from(p.role == gp.role);
            } else {
                say(format!("{} missed participant {}", ge.kind, gp.surface));
            }
        }
        for p in &pe.participants {
            let ok = gold_parts[gi]
                .iter()
                .any(|(span, gp)| ctx.part_match(p.entity, *span, gp.country.as_deref()));
            s.part_tp_pred += usize::from(ok);
            if !ok {
                say(format!(
                    "{} extra participant {}",
                    ge.kind, doc.entities[p.entity].text
                ));
            }
        }
        if let Some(d) = &ge.date {
            s.dated += 1;
            if pe.date.as_deref() == Some(d.as_str()) {
                s.date_right += 1;
            } else {
                say(format!("{} date {:?} want {d}", ge.kind, pe.date));
            }
        }
    }
    let nots: Vec<((usize, usize), &NotEvent)> = g
        .not_event
        .iter()
        .map(|n| {
            (
                at(&Mention {
                    surface: n.surface.clone(),
                    occurrence: n.occurrence,
                }),
                n,
            )
        })
        .collect();
    for (gi, ge) in g.event.iter().enumerate() {
        if !gold_used[gi] {
            let t = ge.triggers.first().map_or("", |t| t.surface.as_str());
            say(format!("missed {} `{t}`", ge.kind));
        }
    }
    for (pi, pe) in doc.events.iter().enumerate() {
        let hit = nots.iter().any(|(span, n)| {
            n.kind.as_deref().is_none_or(|k| k == pe.kind.name())
                && pe.mentions.iter().any(|m| overlap((m.start, m.end), *span))
        });
        s.not_event_hits += usize::from(hit);
        if !pred_used[pi] {
            let parts: Vec<&str> = pe
                .participants
                .iter()
                .map(|p| doc.entities[p.entity].text.as_str())
                .collect();
            say(format!(
                "extra {} `{}` {:?}{}",
                pe.kind.name(),
                pe.text,
                parts,
                if hit { " (not_event)" } else { "" }
            ));
        }
    }
    s
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let heldout = std::env::args().any(|a| a == "--heldout");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = root.join("tests/data/events");
    let mut dev = Score::default();
    let mut totals: HashMap<&str, Score> = HashMap::new();
    let sets: &[&str] = if heldout {
        &["samples", "paragraphs", "heldout", "heldout_after"]
    } else {
        &["samples", "paragraphs"]
    };
    for &name in sets {
        let text = std::fs::read_to_string(dir.join(format!("{name}.toml"))).expect("fixture file");
        let file: File = toml::from_str(&text).expect("fixture parses");
        let mut s = Score::default();
        for g in &file.doc {
            s.add(&score_doc(
                g,
                &root,
                verbose && !name.starts_with("heldout"),
            ));
        }
        if !name.starts_with("heldout") {
            dev.add(&s);
            s.print(name);
        }
        totals.insert(name, s);
    }
    dev.print("dev");
    for name in ["heldout", "heldout_after"] {
        if let Some(h) = totals.get(name) {
            h.print(name);
        }
    }
}
