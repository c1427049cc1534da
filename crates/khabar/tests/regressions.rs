//! Replay every input under tests/data/regressions/<target>/ through the
//! property check of its target.

use std::path::Path;

use khabar::invariants::{check_target, TARGETS};

#[test]
fn every_regression_input_keeps_its_property() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/regressions");
    let mut replayed = 0;
    let mut failures = Vec::new();
    for target in TARGETS {
        let dir = root.join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let bytes = std::fs::read(&path).unwrap();
            // Fuzz targets only test valid UTF-8; a stored input must be one.
            let text = std::str::from_utf8(&bytes)
                .unwrap_or_else(|_| panic!("{} is not UTF-8", path.display()));
            if let Some(Err(e)) = check_target(target, text) {
                failures.push(format!("{}: {e}", path.display()));
            }
            replayed += 1;
        }
    }
    assert!(
        replayed >= 10,
        "only {replayed} regression inputs found under {}",
        root.display()
    );
    assert!(
        failures.is_empty(),
        "{} regression(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_target_has_a_check_and_plain_text_passes() {
    // The regression folders are named after the targets: an unknown name
    // must not silently pass.
    assert!(check_target("no_such_target", "x").is_none());
    for target in TARGETS {
        assert_eq!(check_target(target, "باكو"), Some(Ok(())), "{target}");
    }
}
