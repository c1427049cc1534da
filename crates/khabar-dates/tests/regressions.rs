//! Replay every input under `tests/data/regressions/dates/` (crashes found
//! by `fuzz/run.sh` and failures found by the property tests) through the
//! property check of date finding.

use std::path::Path;

use khabar_dates::Date;

use crate::properties::check_dates;

#[test]
fn every_dates_regression_input_keeps_its_property() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/regressions/dates");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).unwrap().flatten() {
        let path = entry.path();
        let bytes = std::fs::read(&path).unwrap();
        // Fuzz targets only test valid UTF-8; a stored input must be one.
        let text = std::str::from_utf8(&bytes)
            .unwrap_or_else(|_| panic!("help: {} is not UTF-8", path.display()));
        check_dates(text, None);
        check_dates(text, Date::new(2022, 1, 25));
        replayed += 1;
    }
    assert!(replayed >= 1, "help: no input under {}", dir.display());
}
