//! Print what the tagger and the extractor find in a text (stdin):
//! `echo "..." | cargo run --release -p khabar-events --example show`.

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let (tagged, found) = khabar_events::analyze(&text, None);
    for (k, e) in tagged.entities.iter().enumerate() {
        let role = found.roles[k]
            .as_ref()
            .map(|r| format!("  ROLE {} / {:?} ({})", r.office, r.of, r.text))
            .unwrap_or_default();
        println!(
            "{k:>3} {:<10} {} [{}] title={:?} kb={:?}{role}",
            e.label.name(),
            e.text,
            e.canonical,
            e.title,
            e.kb_id
        );
    }
    for ev in &found.events {
        let parts: Vec<String> = ev
            .participants
            .iter()
            .map(|p| format!("{}={}", p.role, tagged.entities[p.entity].text))
            .collect();
        let place = ev.place.map(|k| tagged.entities[k].text.as_str());
        println!(
            "{} `{}` x{} date={:?} place={place:?} planned={} {}",
            ev.kind,
            ev.text,
            ev.mentions.len(),
            ev.date,
            ev.planned,
            parts.join(", ")
        );
    }
    Ok(())
}
